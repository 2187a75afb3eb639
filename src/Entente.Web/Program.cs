using Entente.Web;
using Entente.Web.Data;
using Entente.Web.Features.Accounts;
using Entente.Web.Features.ActionItems;
using Entente.Web.Features.ActionPlans;
using Entente.Web.Features.Agenda;
using Entente.Web.Features.Agreements;
using Entente.Web.Features.Audit;
using Entente.Web.Features.Documents;
using Entente.Web.Features.Engagements;
using Entente.Web.Features.Indicators;
using Entente.Web.Features.JointBodies;
using Entente.Web.Features.Meetings;
using Entente.Web.Features.Notes;
using Entente.Web.Features.Obstacles;
using Entente.Web.Features.Parties;
using Entente.Web.Features.People;
using Entente.Web.Features.Sessions;
using Entente.Web.Features.Signatures;
using Entente.Web.Features.Sources;
using Entente.Web.Features.Statements;
using Entente.Web.Features.Tracks;
using Entente.Web.Infrastructure;

if (Cli.IsVerb(args))
{
    return await Cli.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.UseDefaultAddress();
builder.AddDatabase();
builder.AddApiPlumbing();
builder.AddAccounts();
builder.AddWebPages();

builder.Services.AddScoped<Entente.Web.Infrastructure.Auth.RequestActor>();
builder.Services.AddScoped<Entente.Data.IAuditActor>(sp => sp.GetRequiredService<Entente.Web.Infrastructure.Auth.RequestActor>());
builder.Services.AddScoped<AuditHandler>();
builder.Services.AddScoped<ActionItemsHandler>();
builder.Services.AddScoped<AgendaHandler>();
builder.Services.AddScoped<AgendaExport>();
builder.Services.AddScoped<ActionPlansHandler>();
builder.Services.AddScoped<AgreementsHandler>();
builder.Services.AddScoped<DocumentsHandler>();
builder.Services.AddScoped<DocumentVersionsHandler>();
builder.Services.AddScoped<EngagementsHandler>();
builder.Services.AddScoped<IndicatorsHandler>();
builder.Services.AddScoped<JointBodiesHandler>();
builder.Services.AddScoped<DashboardHandler>();
builder.Services.AddScoped<MeetingsHandler>();
builder.Services.AddScoped<MeetingCalendar>();
builder.Services.AddScoped<NotesHandler>();
builder.Services.AddScoped<ObstaclesHandler>();
builder.Services.AddScoped<PartiesHandler>();
builder.Services.AddScoped<InstitutionsHandler>();
builder.Services.AddScoped<PeopleHandler>();
builder.Services.AddScoped<SessionsHandler>();
builder.Services.AddScoped<NextSessionHandler>();
builder.Services.AddScoped<SourcesHandler>();
builder.Services.AddScoped<SigningKeys>();
builder.Services.AddScoped<StatementsHandler>();
builder.Services.AddScoped<StatementExport>();
builder.Services.AddScoped<ActionPlanExport>();
builder.Services.AddSingleton<Entente.Web.Features.Exports.HtmlExport>();
builder.Services.AddSingleton<Entente.Web.Features.Exports.PdfExport>();
builder.Services.AddSingleton<Entente.Web.Features.Exports.DocumentExports>();
builder.Services.AddScoped<PlanSignaturesHandler>();
builder.Services.AddScoped<ClaimsHandler>();
builder.Services.AddScoped<TracksHandler>();
builder.AddRecordPages(
    new SessionPages(), new MeetingPages(), new TrackPages(), new AgreementPages(),
    new ObstaclePages(), new IndicatorPages(), new EngagementPages(), new ActionPlanPages(), new DocumentPages(), new SourcePages());

var app = builder.Build();
app.UseApiPlumbing();
app.UseWebAssets();
app.UseAccounts();

app.MapAccountsApi();
app.MapAuditApi();
app.MapActionItemsApi();
app.MapAgendaApi();
app.MapActionPlansApi();
app.MapAgreementsApi();
app.MapDocumentsApi();
app.MapEngagementsApi();
app.MapIndicatorsApi();
app.MapJointBodiesApi();
app.MapMeetingsApi();
app.MapNotesApi();
app.MapObstaclesApi();
app.MapPartiesApi();
app.MapPeopleApi();
app.MapSessionsApi();
app.MapSignaturesApi();
app.MapStatementsApi();
app.MapSourcesApi();
app.MapTracksApi();
app.MapWebPages();

await app.RunAsync();
return 0;

/// <summary>The program; public so that the integration tests can host it.</summary>
public partial class Program;
