using Entente.Data;
using Entente.Domain;
using Entente.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.DemoData;

/// <summary>
/// The demo accounts of the reference case: for Kuwait and the United Kingdom a co-chair, a
/// secretariat, a health track lead and a viewer, named <c>&lt;role&gt;.&lt;party&gt;@demo.local</c>.
/// Their passwords are generated when they are made and handed back once; none is in the code.
/// Co-chairs and secretariats, for whom a second factor is mandatory, get an authenticator key
/// enrolled and printed with their password. Each account reads times in its capital's zone; the
/// secretariats and track leads are demo people of their party, each answering for a few of the
/// body's open action items, so that "My items" and a person's workload show something.
/// </summary>
public sealed class DemoAccounts(AppDbContext db, AccountCreation accounts, Microsoft.AspNetCore.Identity.UserManager<Account> users)
{
    private static readonly (string Name, MemberRole Role)[] Roles =
    [
        ("co-chair", MemberRole.CoChair),
        ("secretariat", MemberRole.Secretariat),
        ("track-lead", MemberRole.TrackLead),
        ("viewer", MemberRole.Viewer),
    ];

    /// <summary>Makes the eight accounts with their memberships in the reference body; returns e-mail and password of each.</summary>
    public async Task<IReadOnlyList<(string Email, string Password, string? AuthenticatorKey)>> CreateAsync(CancellationToken ct)
    {
        var body = await db.JointBodies.AsNoTracking().OrderBy(b => b.Id).FirstAsync(ct);
        var health = await db.Tracks.AsNoTracking().Where(t => t.JointBodyId == body.Id && t.Area == TrackArea.Health && t.ParentTrackId == null).Select(t => t.Id).FirstAsync(ct);
        var created = new List<(string, string, string?)>();
        var open = await db.ActionItems.Where(i => i.JointBodyId == body.Id && i.Visibility == Visibility.Joint
                && (i.Status == ActionItemStatus.NotStarted || i.Status == ActionItemStatus.InProgress || i.Status == ActionItemStatus.Blocked))
            .Include(i => i.Assignees).OrderBy(i => i.DueOn).ThenBy(i => i.Id).ToListAsync(ct);
        var next = 0;
        foreach (var party in new[] { "KW", "GB" })
        {
            foreach (var (name, role) in Roles)
            {
                var email = $"{name}.{party.ToLowerInvariant()}@demo.local";
                var (account, password, errors) = await accounts.CreateAsync(email, party, null, administrator: false, ct);
                if (account is null)
                {
                    throw new InvalidOperationException($"Demo account {email} not created: {string.Join(" ", errors)}");
                }

                account.TimeZone = party == "KW" ? "Asia/Kuwait" : "Europe/London";
                if (role is MemberRole.Secretariat or MemberRole.TrackLead)
                {
                    var person = DemoPerson(account.PartyId, party, role);
                    db.People.Add(person);
                    account.PersonId = person.Id;
                    foreach (var item in open.Skip(next).Take(3))
                    {
                        item.Assignees.Add(new ActionItemAssignee { ActionItemId = item.Id, PersonId = person.Id, PartyId = account.PartyId });
                    }

                    next += 3;
                }

                db.Memberships.Add(new Membership
                {
                    AccountId = account.Id,
                    JointBodyId = body.Id,
                    Role = role,
                    Tracks = role == MemberRole.TrackLead ? [new MembershipTrack { TrackId = health }] : [],
                });
                var key = role is MemberRole.CoChair or MemberRole.Secretariat
                    ? (await SecondFactorHandler.EnrolAsync(users, account)).SharedKey
                    : null;
                created.Add((email, password, key));
            }
        }

        await db.SaveChangesAsync(ct);
        return created;
    }

    /// <summary>A made-up officer of the party for a demo account (no real person's name).</summary>
    private static Person DemoPerson(Guid partyId, string party, MemberRole role)
    {
        var (ar, en) = (party, role) switch
        {
            ("KW", MemberRole.Secretariat) => ("منسّق الأمانة الكويتية (تجريبي)", "Kuwaiti secretariat officer (demo)"),
            ("KW", _) => ("مسؤول مسار الصحة الكويتي (تجريبي)", "Kuwaiti health track lead (demo)"),
            (_, MemberRole.Secretariat) => ("منسّق الأمانة البريطانية (تجريبي)", "UK secretariat officer (demo)"),
            _ => ("مسؤول مسار الصحة البريطاني (تجريبي)", "UK health track lead (demo)"),
        };
        var person = new Person { PartyId = partyId };
        person.Names = [new PersonName { PersonId = person.Id, Language = "ar", Text = ar, IsPreferred = true }, new PersonName { PersonId = person.Id, Language = "en", Text = en, IsPreferred = true }];
        return person;
    }

    /// <summary>Writes the accounts for the person who started the program: this is the only time the passwords are shown.</summary>
    public static void Print(IReadOnlyList<(string Email, string Password, string? AuthenticatorKey)> created, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("Demo accounts of the reference case (shown this once; API tokens: `-- tokens create --user EMAIL --name NAME`):");
        output.WriteLine($"  {"account",-28} {"password",-22} authenticator key (TOTP, enrolled)");
        foreach (var (email, password, key) in created)
        {
            output.WriteLine($"  {email,-28} {password,-22} {key ?? "-"}");
        }

        output.WriteLine();
    }
}
