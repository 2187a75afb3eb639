namespace Entente.Web.Infrastructure;

/// <summary>
/// Work a feature needs done each time the program starts, once the database is up to date, in a scope
/// where the program acts for itself (the signing authority's key, the demo data of a new database).
/// Features register theirs; the start-up runs them by <see cref="Order"/> without knowing any of them.
/// </summary>
public interface IStartupWork
{
    /// <summary>Lower runs first: keys (10) before data that uses them (100).</summary>
    int Order { get; }

    /// <param name="services">The services of the start-up's own scope.</param>
    /// <param name="newDatabase">True when the database held no parties before this start.</param>
    Task RunAsync(IServiceProvider services, bool newDatabase, CancellationToken cancellationToken);
}

public static class StartupWorkRegistration
{
    public static IServiceCollection AddStartupWork<T>(this IServiceCollection services)
        where T : class, IStartupWork => services.AddTransient<IStartupWork, T>();
}
