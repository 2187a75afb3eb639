using System.CommandLine;
using Entente.Data;
using Entente.Web.Data;
using Entente.Web.Features.Accounts;
using Entente.Web.Features.Audit;
using Entente.Web.Features.DemoData;
using Entente.Web.Features.Members;
using Entente.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web;

/// <summary>
/// The operators' verbs of the program (<c>dotnet run --project src/Entente.Web -- VERB</c>):
/// each verb is a subcommand; the database is chosen from the same configuration as the web host.
/// </summary>
public static class Cli
{
    private static readonly string[] Verbs = ["migrate", "demo-data", "audit", "users", "members", "tokens", "plan"];

    /// <summary>
    /// True when the command line is for the operators' verbs rather than the web host: a verb, a request for help
    /// or the version, or a first word that is no option of the host (a mistyped verb is named as unknown, instead
    /// of starting the server and creating a database where it runs).
    /// </summary>
    public static bool IsVerb(string[] args) =>
        args.Length > 0 && (Verbs.Contains(args[0], StringComparer.Ordinal) || args[0] is "--help" or "-h" or "-?" or "--version" or "help" || !args[0].StartsWith('-'));

    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("Entente: the workspace of intergovernmental joint bodies. Without a verb, the web application runs.");

        var migrate = new Command("migrate", "Create the database if needed and apply pending migrations.");
        migrate.SetAction((_, ct) => WithDatabaseAsync(async (db, choice) =>
        {
            var isNew = await DatabaseSetup.MigrateAsync(db, ct);
            Console.WriteLine($"Migrated {choice.Describe()} ({(isNew ? "empty" : "holds data")}).");
            return 0;
        }));
        root.Subcommands.Add(migrate);

        var demo = new Command("demo-data", "Load the reference case (Kuwait–UK Joint Steering Group, sessions 15 to 17) into an empty database.");
        demo.SetAction((_, ct) => WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var choice = services.GetRequiredService<DatabaseChoice>();
            var isNew = await DatabaseSetup.MigrateAsync(db, ct);
            if (!isNew)
            {
                await Console.Error.WriteLineAsync($"{choice.Describe()} already holds data; demo data is only loaded into an empty database.");
                return 1;
            }

            await ReferenceCase.LoadAsync(db, ct);
            await DemoBodies.LoadAsync(db, ct);
            DemoAccounts.Print(await services.GetRequiredService<DemoAccounts>().CreateAsync(ct), Console.Out);
            Console.WriteLine($"Loaded the reference demo data into {choice.Describe()}: {await db.JointBodies.CountAsync(ct)} joint bodies, {await db.Sessions.CountAsync(ct)} sessions, {await db.ActionItems.CountAsync(ct)} action items.");
            return 0;
        }));
        root.Subcommands.Add(demo);

        var audit = new Command("audit", "The tamper-evident audit chain.");
        var verify = new Command("verify", "Check the whole audit chain; name the first bad entry and exit with 1 if any.");
        verify.SetAction((_, ct) => WithDatabaseAsync(async (db, choice) =>
        {
            var result = await new AuditHandler(db).VerifyAsync(ct);
            if (result.Fault is { } fault)
            {
                await Console.Error.WriteLineAsync($"Audit chain BROKEN at entry {fault.Sequence}: {fault.Reason}. {result.Verified} entries before it are intact. ({choice.Describe()})");
                return 1;
            }

            Console.WriteLine($"Audit chain intact: {result.Verified} entries verified ({choice.Describe()}).");
            return 0;
        }));
        audit.Subcommands.Add(verify);
        root.Subcommands.Add(audit);

        root.Subcommands.Add(UsersCommand());
        root.Subcommands.Add(MembersCommand());
        root.Subcommands.Add(TokensCommand());
        root.Subcommands.Add(PlanCommand());

        return await root.Parse(args).InvokeAsync();
    }

    private static Command UsersCommand()
    {
        var email = new Option<string>("--email") { Description = "The account's e-mail address (its sign-in name).", Required = true };
        var party = new Option<string>("--party") { Description = "The code of the account's party (KW, GB…).", Required = true };
        var name = new Option<string?>("--name") { Description = "The name shown for the account." };
        var admin = new Option<bool>("--admin") { Description = "Make the account an instance administrator." };
        var create = new Command("create", "Create an account; its generated password is printed once.") { email, party, name, admin };
        create.SetAction((parse, ct) => WithServicesAsync(async services =>
        {
            await DatabaseSetup.MigrateAsync(services.GetRequiredService<AppDbContext>(), ct);
            var accounts = services.GetRequiredService<AccountCreation>();
            var (account, password, errors) = await accounts.CreateAsync(parse.GetValue(email)!, parse.GetValue(party)!, parse.GetValue(name), parse.GetValue(admin), ct);
            if (account is null)
            {
                await Console.Error.WriteLineAsync("Account not created: " + string.Join(" ", errors));
                return 1;
            }

            Console.WriteLine($"Created {account.Email} ({parse.GetValue(party)}{(account.IsAdministrator ? ", administrator" : string.Empty)}). Password, shown once: {password}");
            return 0;
        }));
        return new Command("users", "Accounts.") { create };
    }

    /// <summary><c>members add --email … --body … --role … [--track …]</c>: gives an account a role in a joint body, as an administrator would.</summary>
    private static Command MembersCommand()
    {
        var email = new Option<string>("--email") { Description = "The e-mail of the account.", Required = true };
        var body = new Option<string>("--body") { Description = "The joint body: its id, or its name in English or Arabic.", Required = true };
        var role = new Option<string>("--role") { Description = "viewer, track-lead, secretariat or co-chair.", Required = true };
        var tracks = new Option<string[]>("--track") { Description = "A track a track lead answers for: its id or its name (repeat for several).", AllowMultipleArgumentsPerToken = false };
        var add = new Command("add", "Give an account a role in a joint body (its party must be one of the body's).") { email, body, role, tracks };
        add.SetAction((parse, ct) => WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            await DatabaseSetup.MigrateAsync(db, ct);
            var account = await services.GetRequiredService<UserManager<Account>>().FindByEmailAsync(parse.GetValue(email)!);
            var named = parse.GetValue(body)!.Trim();
            var bodies = await db.JointBodies.AsNoTracking()
                .Where(b => b.Name.En == named || b.Name.Ar == named || b.Id.ToString() == named.ToLowerInvariant())
                .Select(b => b.Id).ToListAsync(ct);
            if (account is null || bodies.Count != 1)
            {
                await Console.Error.WriteLineAsync(account is null ? $"No account has the e-mail {parse.GetValue(email)}." : $"{bodies.Count} joint bodies are named '{named}'.");
                return 1;
            }

            var trackNames = parse.GetValue(tracks) ?? [];
            var trackIds = new List<Guid>();
            foreach (var track in trackNames.Select(t => t.Trim()))
            {
                var found = await db.Tracks.AsNoTracking().Where(t => t.JointBodyId == bodies[0] && (t.Name.En == track || t.Name.Ar == track || t.Id.ToString() == track.ToLowerInvariant())).Select(t => t.Id).ToListAsync(ct);
                if (found.Count != 1)
                {
                    await Console.Error.WriteLineAsync($"{found.Count} tracks of the body are named '{track}'.");
                    return 1;
                }

                trackIds.Add(found[0]);
            }

            try
            {
                var member = await services.GetRequiredService<MembersHandler>().CreateAsync(new MemberRequest(bodies[0], account.Id, parse.GetValue(role), [.. trackIds]), ct);
                Console.WriteLine($"{account.Email} is now {Entente.Domain.Names.Kebab(member.Role)} of the joint body{(trackIds.Count > 0 ? $" for {trackIds.Count} track(s)" : string.Empty)}.");
                return 0;
            }
            catch (Exception e) when (ApiError.Of(e) is ApiError.Rules rules)
            {
                await Console.Error.WriteLineAsync("Role not given: " + string.Join(" ", rules.Errors.Select(r => $"{r.Field}: {r.Message}")));
                return 1;
            }
        }));
        return new Command("members", "Who works in a joint body, and in which role.") { add };
    }

    private static Command TokensCommand()
    {
        var user = new Option<string>("--user") { Description = "The e-mail of the account.", Required = true };
        var name = new Option<string>("--name") { Description = "A name to tell the token apart.", Required = true };
        var days = new Option<int>("--days") { Description = "Days until the token expires (1 to 365).", DefaultValueFactory = _ => 90 };
        var create = new Command("create", "Create an API token for an account and print it (it is stored only as a hash).") { user, name, days };
        create.SetAction((parse, ct) => WithServicesAsync(async services =>
        {
            var lifetime = parse.GetValue(days);
            if (lifetime is < 1 or > AccountsHandler.MaxTokenDays)
            {
                await Console.Error.WriteLineAsync($"--days is between 1 and {AccountsHandler.MaxTokenDays}.");
                return 1;
            }

            await DatabaseSetup.MigrateAsync(services.GetRequiredService<AppDbContext>(), ct);
            var account = await services.GetRequiredService<UserManager<Account>>().FindByEmailAsync(parse.GetValue(user)!);
            if (account is null)
            {
                await Console.Error.WriteLineAsync($"No account has the e-mail {parse.GetValue(user)}.");
                return 1;
            }

            var (token, record) = await services.GetRequiredService<ApiTokens>().CreateAsync(account, parse.GetValue(name)!, lifetime, ct);
            Console.WriteLine(token);
            await Console.Error.WriteLineAsync($"Token '{record.Name}' of {account.Email}, expires {record.ExpiresAt:yyyy-MM-dd HH:mm} UTC. It is not shown again.");
            return 0;
        }));
        return new Command("tokens", "API tokens.") { create };
    }

    /// <summary><c>plan verify FILE</c>: checks a signed action plan bundle offline, with no database and no network.</summary>
    private static Command PlanCommand()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The signed bundle (…signed.json) exported from the action plan's page or API." };
        var authority = new Option<string?>("--authority") { Description = "The SHA-256 fingerprint of the signing authority to require (shown on the plan's signature page)." };
        var verify = new Command("verify", "Check a signed action plan offline: its content against its hash, each co-chair's signature, each certificate against the authority. Exit 0 when valid, 1 when anything was altered.") { file, authority };
        verify.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync($"No file {path.FullName}.");
                return 2;
            }

            var report = Entente.Domain.SignedPlanBundle.Verify(await File.ReadAllBytesAsync(path.FullName, ct), parse.GetValue(authority));
            foreach (var line in report.Summary)
            {
                Console.WriteLine(line);
            }

            if (report.IsValid)
            {
                Console.WriteLine($"VALID: {path.Name} is intact and signed by every co-chair.");
                return 0;
            }

            await Console.Error.WriteLineAsync($"REFUSED: {path.Name} does not verify:");
            foreach (var finding in report.Findings)
            {
                await Console.Error.WriteLineAsync("  - " + finding);
            }

            return 1;
        });
        return new Command("plan", "Action plans.") { verify };
    }

    private static Task<int> WithDatabaseAsync(Func<AppDbContext, DatabaseChoice, Task<int>> action) =>
        WithServicesAsync(services => action(services.GetRequiredService<AppDbContext>(), services.GetRequiredService<DatabaseChoice>()));

    /// <summary>
    /// The program's own services (database, accounts) without the web server, acting as
    /// <c>cli:USER</c> in the audit chain. Verbs that write migrate first; <c>audit verify</c> only reads.
    /// </summary>
    private static async Task<int> WithServicesAsync(Func<IServiceProvider, Task<int>> action)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.AddDatabase();
        builder.Services.AddAccounts(builder.Configuration).AddMembers().AddDemoData();
        builder.Services.AddScoped<IAuditActor>(_ => new SystemActor("cli:" + Environment.UserName));
        await using var app = builder.Build();
        await using var scope = app.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }
}
