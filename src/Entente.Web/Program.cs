using Entente.Web;
using Entente.Web.Features.Accounts;
using Entente.Web.Features.ActionItems;
using Entente.Web.Features.ActionPlans;
using Entente.Web.Features.Agenda;
using Entente.Web.Features.Agreements;
using Entente.Web.Features.Audit;
using Entente.Web.Features.DemoData;
using Entente.Web.Features.Documents;
using Entente.Web.Features.Engagements;
using Entente.Web.Features.Exports;
using Entente.Web.Features.Indicators;
using Entente.Web.Features.JointBodies;
using Entente.Web.Features.Meetings;
using Entente.Web.Features.Members;
using Entente.Web.Features.Notes;
using Entente.Web.Features.Obstacles;
using Entente.Web.Features.Parties;
using Entente.Web.Features.People;
using Entente.Web.Features.Records;
using Entente.Web.Features.Search;
using Entente.Web.Features.SessionPoints;
using Entente.Web.Features.Sessions;
using Entente.Web.Features.Signatures;
using Entente.Web.Features.Sources;
using Entente.Web.Features.Statements;
using Entente.Web.Features.Tracks;
using Entente.Web.Features.Translations;
using Entente.Web.Infrastructure;

if (Cli.IsVerb(args))
{
    return await Cli.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatform();
builder.Services
    .AddAccounts(builder.Configuration)
    .AddAudit()
    .AddRecords()
    .AddExports()
    .AddParties()
    .AddPeople()
    .AddSearch()
    .AddJointBodies()
    .AddMembers()
    .AddSessions()
    .AddMeetings()
    .AddTracks()
    .AddAgreements()
    .AddDocuments()
    .AddActionPlans()
    .AddActionItems()
    .AddObstacles()
    .AddSessionPoints()
    .AddTranslations()
    .AddIndicators()
    .AddEngagements()
    .AddNotes()
    .AddSources()
    .AddAgenda()
    .AddStatements()
    .AddSignatures()
    .AddDemoData();

var app = builder.Build();
app.UsePlatform();
app.MapAccounts()
    .MapAudit()
    .MapParties()
    .MapPeople()
    .MapSearch()
    .MapJointBodies()
    .MapMembers()
    .MapSessions()
    .MapMeetings()
    .MapTracks()
    .MapAgreements()
    .MapDocuments()
    .MapActionPlans()
    .MapActionItems()
    .MapObstacles()
    .MapSessionPoints()
    .MapTranslations()
    .MapIndicators()
    .MapEngagements()
    .MapNotes()
    .MapSources()
    .MapAgenda()
    .MapStatements()
    .MapSignatures()
    .MapWebPages();

await app.RunAsync();
return 0;

/// <summary>The program; public so that the integration tests can host it.</summary>
public partial class Program;
