using Entente.Domain;
using Entente.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.People;

/// <summary>The feature of people, their spellings and titles: what it registers and what it maps.</summary>
public static class PeopleFeature
{
    public static IServiceCollection AddPeople(this IServiceCollection services)
    {
        services.AddRecordTarget<Person>(RecordType.Person, async (db, id, ct) => await db.People.AnyAsync(r => r.Id == id, ct) ? new RecordScope(null, Visibility.Joint, null) : null);
        services.AddChoiceSource<PersonChoices>();
        services.AddChoiceSource<AllPersonChoices>();
        services.AddScoped<PeopleHandler>();
        return services;
    }

    /// <summary>Maps the routes of people, their spellings and titles.</summary>
    public static IEndpointRouteBuilder MapPeople(this IEndpointRouteBuilder routes)
    {
        routes.MapPeopleApi();
        return routes;
    }
}
