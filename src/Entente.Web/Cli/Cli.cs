using System.CommandLine;
using Entente.Data;
using Entente.Web.Data;
using Entente.Web.Features.Audit;
using Entente.Web.Features.DemoData;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web;

/// <summary>
/// The operators' verbs of the program (<c>dotnet run --project src/Entente.Web -- VERB</c>):
/// each verb is a subcommand; the database is chosen from the same configuration as the web host.
/// </summary>
public static class Cli
{
    private static readonly string[] Verbs = ["migrate", "demo-data", "audit"];

    public static bool IsVerb(string[] args) => args.Length > 0 && Verbs.Contains(args[0], StringComparer.Ordinal);

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
        demo.SetAction((_, ct) => WithDatabaseAsync(async (db, choice) =>
        {
            var isNew = await DatabaseSetup.MigrateAsync(db, ct);
            if (!isNew)
            {
                await Console.Error.WriteLineAsync($"{choice.Describe()} already holds data; demo data is only loaded into an empty database.");
                return 1;
            }

            await ReferenceCase.LoadAsync(db, ct);
            Console.WriteLine($"Loaded the reference demo data into {choice.Describe()}: {await db.JointBodies.CountAsync(ct)} joint body, {await db.Sessions.CountAsync(ct)} sessions, {await db.ActionItems.CountAsync(ct)} action items.");
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

        return await root.Parse(args).InvokeAsync();
    }

    private static async Task<int> WithDatabaseAsync(Func<AppDbContext, DatabaseChoice, Task<int>> action)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        var choice = DatabaseChoice.From(configuration);
        var options = new DbContextOptionsBuilder<AppDbContext>();
        choice.Configure(options);
        await using var db = new AppDbContext(options.Options, TimeProvider.System, new SystemActor("cli:" + Environment.UserName));
        return await action(db, choice);
    }
}
