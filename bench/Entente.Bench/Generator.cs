using Entente.Data;
using Entente.Domain;
using Microsoft.EntityFrameworkCore;

namespace Entente.Bench;

/// <summary>The ids the benchmark queries by, and the size of what was generated.</summary>
public sealed record Scale(List<Guid> PartyIds, List<Guid> BodyIds, List<Guid> SessionIds, List<Guid> TrackIds, Guid SampleItemId, int Items)
{
    public override string ToString() =>
        $"{PartyIds.Count} parties, {BodyIds.Count} joint bodies, {SessionIds.Count} sessions, {TrackIds.Count} tracks, {Items:N0} action items ({Items * 2:N0} owner rows, {Items / 4:N0} progress updates, {Items / 40:N0} obstacles and as many notes; one in ten national)";
}

/// <summary>Fills an empty database with synthetic joint bodies through the real model, in batches.</summary>
public static class Generator
{
    private static readonly ActionItemStatus[] Statuses = Enum.GetValues<ActionItemStatus>();

    /// <summary>What items are about, one in forty each, so that a word searched for is as selective as a real one.</summary>
    public static readonly (string Ar, string En)[] Topics =
    [
        ("تطوير المستشفيات", "hospital development"), ("تبادل الطلاب", "student exchange"), ("الأمن السيبراني", "cyber security"), ("الطاقة المتجددة", "renewable energy"),
        ("مكافحة الإرهاب", "counter terrorism"), ("التجارة البينية", "bilateral trade"), ("الاستثمار المباشر", "direct investment"), ("التدريب العسكري", "military training"),
        ("أمن الطيران", "aviation security"), ("المنح الدراسية", "scholarships"), ("البحث العلمي", "scientific research"), ("حماية البيئة", "environmental protection"),
        ("إدارة المياه", "water management"), ("الأمن الغذائي", "food security"), ("التراث الثقافي", "cultural heritage"), ("المشاريع الصغيرة", "small enterprises"),
        ("الصحة العامة", "public health"), ("اللقاحات", "vaccines"), ("التحول الرقمي", "digital transformation"), ("الذكاء الاصطناعي", "artificial intelligence"),
        ("النقل البحري", "maritime transport"), ("الموانئ", "ports"), ("الجمارك", "customs"), ("الضرائب", "taxation"),
        ("الخدمات المالية", "financial services"), ("التأمين", "insurance"), ("السياحة", "tourism"), ("الرياضة", "sport"),
        ("الشباب", "youth"), ("تمكين المرأة", "women empowerment"), ("حقوق الإنسان", "human rights"), ("الهجرة", "migration"),
        ("التعليم العالي", "higher education"), ("المناهج", "curricula"), ("الفضاء", "space"), ("الاتصالات", "telecommunications"),
        ("البنية التحتية", "infrastructure"), ("الإسكان", "housing"), ("الزراعة", "agriculture"), ("المصايد", "fisheries"),
    ];

    public static async Task<Scale> FillAsync(AppDbContext db, int bodies, int sessionsPerBody, int items, TextWriter log)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var random = new Random(20201123);
        var parties = Enumerable.Range(0, 60).Select(i => new Party { Code = "P" + ToLetters(i), Name = Text($"طرف {i}", $"Party {i}") }).ToList();
        var institutions = parties.SelectMany(p => Enumerable.Range(0, 5).Select(i => new Institution { PartyId = p.Id, Name = Text($"وزارة {i}", $"Ministry {i}") })).ToList();
        db.AddRange(parties);
        db.AddRange(institutions);

        var bodyList = new List<JointBody>();
        var sessionIds = new List<Guid>();
        var trackIds = new List<Guid>();
        var plans = new List<(ActionPlan Plan, List<Track> Tracks, Guid[] Parties)>();
        for (var b = 0; b < bodies; b++)
        {
            var pair = new[] { parties[b % 10].Id, parties[10 + (b % 50)].Id };
            var body = new JointBody { Name = Text($"اللجنة المشتركة {b}", $"Joint Committee {b}"), Members = [.. pair.Select(p => new JointBodyMember { PartyId = p })] };
            bodyList.Add(body);
            var tracks = Enum.GetValues<TrackArea>().Take(12).Select(a => new Track { JointBodyId = body.Id, Area = a, Name = Text($"مجال {a}", $"{a} track") }).ToList();
            trackIds.AddRange(tracks.Select(t => t.Id));
            db.Add(body);
            db.AddRange(tracks);
            for (var s = 1; s <= sessionsPerBody; s++)
            {
                var session = new Session { JointBodyId = body.Id, Number = s, Year = 2005 + s, PlaceKind = PlaceKind.Virtual };
                session.ChangeStatus(s < sessionsPerBody ? SessionStatus.Concluded : SessionStatus.Planned);
                var plan = new ActionPlan { JointBodyId = body.Id, SessionId = session.Id, Title = Text($"خطة العمل {s}", $"Action plan {s}") };
                sessionIds.Add(session.Id);
                db.Add(session);
                db.Add(plan);
                plans.Add((plan, tracks, pair));
            }
        }

        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        var perPlan = items / plans.Count;
        var made = 0;
        var sample = Guid.Empty;
        var institutionsByParty = institutions.GroupBy(i => i.PartyId).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var (plan, tracks, pair) in plans)
        {
            for (var i = 0; i < perPlan; i++)
            {
                var item = new ActionItem
                {
                    JointBodyId = plan.JointBodyId,
                    ActionPlanId = plan.Id,
                    TrackId = tracks[random.Next(tracks.Count)].Id,
                    Title = Text($"بند العمل رقم {i}: {Topics[(i + made) % Topics.Length].Ar}", $"Action item {i}: {Topics[(i + made) % Topics.Length].En}"),
                    DueOn = new DateOnly(2020, 1, 1).AddDays(random.Next(0, 3650)),
                    Owners = [.. pair.Select(p => institutionsByParty[p][random.Next(5)]).Select(inst => new ActionItemOwner { InstitutionId = inst.Id, PartyId = inst.PartyId })],
                };
                item.ChangeStatus(Statuses[random.Next(Statuses.Length)]);
                if (i % 10 == 9)
                {
                    // One item in ten is the first party's own, unseen by the other.
                    item.SetVisibility(Visibility.National, pair[0]);
                }

                if (i % 4 == 0)
                {
                    var topic = Topics[(i + made + 7) % Topics.Length];
                    item.Updates.Add(new ProgressUpdate { PartyId = pair[i % 2], On = item.DueOn!.Value.AddDays(-30), Text = Text($"تقدم في {topic.Ar}", $"Progress on {topic.En}"), PercentComplete = 50 });
                }

                db.Add(item);
                if (i % 40 == 0)
                {
                    // Obstacles and notes at a fortieth of the items each.
                    var topic = Topics[(i + made + 13) % Topics.Length];
                    var obstacle = new Obstacle { JointBodyId = plan.JointBodyId, TrackId = item.TrackId, ActionItemId = item.Id, Title = Text($"عقبة أمام {topic.Ar}", $"Obstacle to {topic.En}"), RaisedByPartyId = pair[1], RaisedOn = item.DueOn!.Value.AddDays(-60) };
                    var note = new Note { JointBodyId = plan.JointBodyId, TargetType = RecordType.ActionItem, TargetId = item.Id, Language = "en", Text = $"Follow up {topic.En} with the lead ministry" };
                    obstacle.SetVisibility(item.Visibility, item.OwnerPartyId);
                    note.SetVisibility(item.Visibility, item.OwnerPartyId);
                    db.Add(obstacle);
                    db.Add(note);
                }

                sample = item.Id;
            }

            made += perPlan;
            if (made % 20_000 < perPlan)
            {
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
                if (made % 100_000 < perPlan)
                {
                    await log.WriteLineAsync($"  {made:N0} action items");
                }
            }
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        await db.Database.ExecuteSqlRawAsync("ANALYZE;");

        return new Scale([.. parties.Select(p => p.Id)], [.. bodyList.Select(b => b.Id)], sessionIds, trackIds, sample, made);
    }

    /// <summary>The scale of a database a previous run filled, in the order <see cref="FillAsync"/> made it.</summary>
    public static async Task<Scale> ReadAsync(AppDbContext db)
    {
        var parties = await db.Parties.AsNoTracking().OrderBy(p => p.Code).Select(p => p.Id).ToListAsync();
        var bodies = await db.JointBodies.AsNoTracking().OrderBy(b => b.Id).Select(b => b.Id).ToListAsync();
        var sessions = await db.Sessions.AsNoTracking().OrderBy(s => s.Id).Select(s => s.Id).ToListAsync();
        var tracks = await db.Tracks.AsNoTracking().OrderBy(t => t.Id).Select(t => t.Id).ToListAsync();
        var sample = await db.ActionItems.AsNoTracking().OrderByDescending(i => i.Id).Select(i => i.Id).FirstAsync();
        return new Scale(parties, bodies, sessions, tracks, sample, await db.ActionItems.CountAsync());
    }

    private static BilingualText Text(string ar, string en) => new(ar, en);

    private static string ToLetters(int i) => new([(char)('A' + (i / 26 % 26)), (char)('A' + (i % 26))]);
}
