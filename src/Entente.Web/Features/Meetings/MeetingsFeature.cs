using Entente.Domain;
using Entente.Web.Infrastructure;

namespace Entente.Web.Features.Meetings;

/// <summary>The feature of meetings and their calendar files: what it registers and what it maps.</summary>
public static class MeetingsFeature
{
    public static IServiceCollection AddMeetings(this IServiceCollection services)
    {
        services.AddBodyLink("meetings", "ui.records.meetings", 30);
        services.AddRecordTarget<Meeting>(RecordType.Meeting);
        services.AddChoiceSource<MeetingChoices>();
        services.AddScoped<MeetingsHandler>();
        services.AddScoped<MeetingCalendar>();
        services.AddRecordPages(new MeetingPages());
        return services;
    }

    /// <summary>Maps the routes of meetings and their calendar files.</summary>
    public static IEndpointRouteBuilder MapMeetings(this IEndpointRouteBuilder routes)
    {
        routes.MapMeetingsApi();
        return routes;
    }
}
