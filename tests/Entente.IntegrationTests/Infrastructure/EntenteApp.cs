using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Entente.IntegrationTests.Infrastructure;

/// <summary>
/// The real program, hosted in memory on one database with the reference demo data loaded at
/// start. One instance is shared by the tests of a database's collection.
/// </summary>
public abstract class EntenteApp : IAsyncLifetime
{
    private WebApplicationFactory<Program>? _factory;
    private Dictionary<string, string>? _settings;

    /// <summary>The database this application runs on, for test names and messages.</summary>
    public abstract string Database { get; }

    public IServiceProvider Services => Factory.Services;

    private WebApplicationFactory<Program> Factory
    {
        get
        {
            if (_factory is null)
            {
                Assert.Skip(PostgresServer.Unavailable ?? $"The {Database} application did not start.");
            }

            return _factory;
        }
    }

    /// <summary>The API token of the default caller: a Kuwaiti instance administrator who is also a secretariat of the reference body.</summary>
    public string DefaultToken { get; private set; } = string.Empty;

    /// <summary>A client of the JSON API signed in as the default caller, optionally asking for answers in <paramref name="language"/>.</summary>
    public HttpClient CreateClient(string? language = null) => CreateClient(DefaultToken, language);

    /// <summary>A client of the JSON API with <paramref name="token"/> (none: anonymous).</summary>
    public HttpClient CreateClient(string? token, string? language)
    {
        var client = Factory.CreateClient();
        if (!string.IsNullOrEmpty(token))
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        }

        return client;
    }

    /// <summary>A client of the web pages: no token, keeps cookies, does not follow redirects (so that each step can be checked).</summary>
    public HttpClient CreatePageClient(WebApplicationFactory<Program>? instance = null) =>
        (instance ?? Factory).CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>
    /// A new account of the party with the given code, with a role in the reference joint body
    /// when one is given (a track lead of the named tracks), and an API token for it.
    /// </summary>
    public async Task<(Entente.Data.Account Account, string Token)> NewAccountAsync(string partyCode, bool administrator = false, Entente.Domain.MemberRole? role = null, params Guid[] trackIds)
    {
        await using var scope = Entente.Web.Infrastructure.Auth.ActorScopes.CreateSystemScope(Services, "tests");
        var (account, _, errors) = await scope.ServiceProvider.GetRequiredService<Entente.Web.Features.Accounts.AccountCreation>()
            .CreateAsync($"{partyCode.ToLowerInvariant()}-{Guid.NewGuid():N}@test.local", partyCode, null, administrator, TestContext.Current.CancellationToken);
        Assert.True(account is not null, string.Join(" ", errors));
        if (role is not null)
        {
            var db = scope.ServiceProvider.GetRequiredService<Entente.Data.AppDbContext>();
            var body = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
                db.JointBodies.Where(b => b.Name.En == "Kuwait–UK Joint Steering Group"), TestContext.Current.CancellationToken);
            db.Memberships.Add(new Entente.Domain.Membership
            {
                AccountId = account.Id,
                JointBodyId = body.Id,
                Role = role.Value,
                Tracks = [.. trackIds.Select(t => new Entente.Domain.MembershipTrack { TrackId = t })],
            });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var (token, _) = await scope.ServiceProvider.GetRequiredService<Entente.Web.Features.Accounts.ApiTokens>()
            .CreateAsync(account, "tests", 1, TestContext.Current.CancellationToken);
        return (account, token);
    }

    /// <summary>A new API token of an existing account, as its person would make one.</summary>
    public async Task<string> NewTokenAsync(Entente.Data.Account account)
    {
        await using var scope = Entente.Web.Infrastructure.Auth.ActorScopes.CreateSystemScope(Services, "tests");
        var (token, _) = await scope.ServiceProvider.GetRequiredService<Entente.Web.Features.Accounts.ApiTokens>().CreateAsync(account, "tests", 1, TestContext.Current.CancellationToken);
        return token;
    }

    /// <summary>A database context on the application's database, acting as the program itself (it sees everything), for checking what was stored.</summary>
    public AsyncServiceScope Scope(out Entente.Data.AppDbContext db)
    {
        var scope = Entente.Web.Infrastructure.Auth.ActorScopes.CreateSystemScope(Services, "tests");
        db = scope.ServiceProvider.GetRequiredService<Entente.Data.AppDbContext>();
        return scope;
    }

    public async ValueTask InitializeAsync()
    {
        _settings = await SettingsAsync();
        // The tests sign in many times from one (test-server) address; the limit itself is tested on its own instance.
        _settings?.TryAdd("Entente:SignInAttemptsPerMinute", "10000");
        if (_settings is null)
        {
            return;
        }

        _factory = NewInstance();
        _ = _factory.Services;
        DefaultToken = (await NewAccountAsync("KW", administrator: true, Entente.Domain.MemberRole.Secretariat)).Token;
    }

    /// <summary>Another instance of the program on the same database, as a second server behind a load balancer would be.</summary>
    public WebApplicationFactory<Program> NewInstance() => NewInstance(new Dictionary<string, string>());

    /// <summary>Another instance with some settings of its own (a lower sign-in limit, a log collector).</summary>
    public WebApplicationFactory<Program> NewInstance(IReadOnlyDictionary<string, string> overrides, Action<Microsoft.AspNetCore.Hosting.IWebHostBuilder>? configure = null)
    {
        if (_settings is null)
        {
            Assert.Skip(PostgresServer.Unavailable ?? $"The {Database} application did not start.");
        }

        return new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in _settings.Where(s => !overrides.ContainsKey(s.Key)).Concat(overrides))
            {
                builder.UseSetting(key, value);
            }

            configure?.Invoke(builder);
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await CleanUpAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>The configuration that points the program at this database; null when the database is not available.</summary>
    protected abstract Task<Dictionary<string, string>?> SettingsAsync();

    protected virtual Task CleanUpAsync() => Task.CompletedTask;
}

/// <summary>The program on SQLite, its file in a temporary folder.</summary>
public sealed class SqliteApp : EntenteApp
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "entente-test-" + Guid.NewGuid().ToString("N")[..8]);

    public override string Database => "SQLite";

    public string DataDirectory => _dir;

    protected override Task<Dictionary<string, string>?> SettingsAsync() =>
        Task.FromResult<Dictionary<string, string>?>(new() { ["ENTENTE_DATA_DIR"] = _dir, ["ConnectionStrings:Postgres"] = string.Empty });

    protected override Task CleanUpAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }

        return Task.CompletedTask;
    }
}

/// <summary>The program on PostgreSQL, in a database of its own.</summary>
public sealed class PostgresApp : EntenteApp
{
    public override string Database => "PostgreSQL";

    protected override async Task<Dictionary<string, string>?> SettingsAsync()
    {
        var server = await PostgresServer.GetAsync();
        return server is null ? null : new() { ["ConnectionStrings:Postgres"] = await server.CreateDatabaseAsync() };
    }
}

[CollectionDefinition(Name)]
public sealed class SqliteCollection : ICollectionFixture<SqliteApp>
{
    public const string Name = "SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresApp>
{
    public const string Name = "PostgreSQL";
}
