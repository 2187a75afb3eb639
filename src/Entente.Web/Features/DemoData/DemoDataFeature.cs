using Entente.Data;
using Entente.Web.Infrastructure;

namespace Entente.Web.Features.DemoData;

/// <summary>The feature of the reference demo data: the Kuwait–UK case and its demo accounts, loaded into a new database.</summary>
public static class DemoDataFeature
{
    public static IServiceCollection AddDemoData(this IServiceCollection services)
    {
        services.AddScoped<DemoAccounts>();
        services.AddStartupWork<DemoDataAtStartup>();
        return services;
    }
}

/// <summary>On a new database, the reference case and its demo accounts (printed once), unless <c>ENTENTE_DEMO_DATA</c> is <c>false</c>.</summary>
public sealed class DemoDataAtStartup(IConfiguration configuration, ILogger<DemoDataAtStartup> logger) : IStartupWork
{
    public int Order => 100;

    public async Task RunAsync(IServiceProvider services, bool newDatabase, CancellationToken cancellationToken)
    {
        if (!newDatabase || string.Equals(configuration["ENTENTE_DEMO_DATA"], "false", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        await ReferenceCase.LoadAsync(services.GetRequiredService<AppDbContext>(), cancellationToken);
        await DemoBodies.LoadAsync(services.GetRequiredService<AppDbContext>(), cancellationToken);
        DemoAccounts.Print(await services.GetRequiredService<DemoAccounts>().CreateAsync(cancellationToken), Console.Out);
        logger.LogInformation("New database: loaded the reference demo data (Kuwait–UK Joint Steering Group), two more bodies with several sessions each, and the demo accounts.");
    }
}
