using Entente.Data;
using Entente.Domain;
using Entente.IntegrationTests.Infrastructure;
using Entente.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Entente.IntegrationTests.Security;

/// <summary>
/// The isolation choke point fails closed: work outside a web request (start-up, jobs, mail) reads and writes
/// nothing until it says by name whom it acts for — one account of one party, or the program itself.
/// </summary>
public abstract class ActorScopeTests(EntenteApp app)
{
    [Fact]
    public async Task AContextOutsideARequest_ToldOfNoActor_ReadsNoRecordOfABody_AndCannotSave()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var body = await db.JointBodies.IgnoreQueryFilters().AsNoTracking().FirstAsync(ct);

        Assert.Equal(0, await db.Notes.CountAsync(ct));
        Assert.Equal(0, await db.ActionItems.CountAsync(ct));
        Assert.Equal(0, await db.AuditEntries.CountAsync(ct));
        Assert.Equal(0, await db.JointBodies.CountAsync(ct));
        db.Notes.Add(new Note { JointBodyId = body.Id, TargetType = RecordType.JointBody, TargetId = body.Id, Language = "en", Text = "written by no one" });
        await Assert.ThrowsAsync<WriteForbiddenException>(() => db.SaveChangesAsync(ct));
    }

    [Fact]
    public async Task AScopeActingForAnAccount_ReadsItsPartysRecordsOnly_AndWritesWithItsRightsOnly()
    {
        var ct = TestContext.Current.CancellationToken;
        var (britishAccount, _) = await app.NewAccountAsync("GB", role: MemberRole.Secretariat);
        Guid kuwaitiNote;
        await using (var system = app.Scope(out var all))
        {
            kuwaitiNote = await all.Notes.Where(n => n.Visibility == Visibility.National && n.OwnerPartyId != britishAccount.PartyId).Select(n => n.Id).FirstAsync(ct);
        }

        await using var scope = app.Services.CreateScopeActingAs(new AccountActor(britishAccount));
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        Assert.True(await db.ActionItems.CountAsync(ct) > 0);
        Assert.False(await db.Notes.AnyAsync(n => n.Id == kuwaitiNote, ct));
        Assert.All(await db.Notes.Where(n => n.Visibility == Visibility.National).ToListAsync(ct), n => Assert.Equal(britishAccount.PartyId, n.OwnerPartyId));
        var stolen = await db.Notes.IgnoreQueryFilters().FirstAsync(n => n.Id == kuwaitiNote, ct);
        stolen.Text = "rewritten by a job of the other party";
        await Assert.ThrowsAsync<WriteForbiddenException>(() => db.SaveChangesAsync(ct));
    }

    [Fact]
    public async Task AScope_SaysWhomItActsForOnce()
    {
        await using var scope = app.Services.CreateSystemScope("tests");
        var actor = scope.ServiceProvider.GetRequiredService<RequestActor>();

        Assert.True(actor.IsSystem);
        Assert.Throws<InvalidOperationException>(() => actor.ActAs(new SystemActor("another")));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ActorScopeTestsOnSqlite(SqliteApp app) : ActorScopeTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ActorScopeTestsOnPostgres(PostgresApp app) : ActorScopeTests(app);
