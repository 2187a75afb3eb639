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

/// <summary>An action plan of the generated structure: its body's tracks and its two parties (the first, the one national items belong to).</summary>
public sealed record PlanOf(Guid Id, Guid BodyId, Guid[] TrackIds, Guid[] Parties);

/// <summary>What <see cref="Generator.StructureAsync"/> made, in the order it made it.</summary>
public sealed record Layout(List<Guid> PartyIds, List<Guid> BodyIds, List<Guid> SessionIds, List<Guid> TrackIds, List<PlanOf> Plans, Dictionary<Guid, Guid[]> Institutions)
{
    public Scale ScaleOf(int items, Guid sample) => new(PartyIds, BodyIds, SessionIds, TrackIds, sample, items);
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

    /// <summary>Fills through the data context (the audit chain and search entries made by each save), in batches.</summary>
    public static async Task<Scale> FillAsync(AppDbContext db, int bodies, int sessionsPerBody, int items, TextWriter log)
    {
        var layout = await StructureAsync(db, bodies, sessionsPerBody);
        var made = 0;
        var pending = 0;
        var sample = Guid.Empty;
        foreach (var record in Records(layout, items))
        {
            db.Add(record);
            sample = record is ActionItem ? record.Id : sample;
            if (record is ActionItem && ++made % 20_000 == 0)
            {
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
                pending = 0;
                if (made % 100_000 == 0)
                {
                    await log.WriteLineAsync($"  {made:N0} action items");
                }
            }

            pending++;
        }

        if (pending > 0)
        {
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        await db.Database.ExecuteSqlRawAsync("ANALYZE;");
        return layout.ScaleOf(made, sample);
    }

    /// <summary>Parties, institutions, joint bodies with their tracks, sessions and action plans, saved through the data context.</summary>
    public static async Task<Layout> StructureAsync(AppDbContext db, int bodies, int sessionsPerBody)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var parties = Enumerable.Range(0, 60).Select(i => new Party { Code = "P" + ToLetters(i), Name = Text($"طرف {i}", $"Party {i}") }).ToList();
        var institutions = parties.SelectMany(p => Enumerable.Range(0, 5).Select(i => new Institution { PartyId = p.Id, Name = Text($"وزارة {i}", $"Ministry {i}") })).ToList();
        db.AddRange(parties);
        db.AddRange(institutions);

        var bodyList = new List<JointBody>();
        var sessionIds = new List<Guid>();
        var trackIds = new List<Guid>();
        var plans = new List<PlanOf>();
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
                plans.Add(new PlanOf(plan.Id, body.Id, [.. tracks.Select(t => t.Id)], pair));
            }
        }

        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        var institutionsByParty = institutions.GroupBy(i => i.PartyId).ToDictionary(g => g.Key, g => g.Select(i => i.Id).ToArray());
        return new Layout([.. parties.Select(p => p.Id)], [.. bodyList.Select(b => b.Id)], sessionIds, trackIds, plans, institutionsByParty);
    }

    /// <summary>
    /// The action items of every plan in turn (with their owners and, one in four, a progress update), an obstacle
    /// and a note at every fortieth item; one item in ten is national to the body's first party. Deterministic.
    /// </summary>
    public static IEnumerable<Entity> Records(Layout layout, int items)
    {
        var random = new Random(20201123);
        var perPlan = items / layout.Plans.Count;
        var made = 0;
        foreach (var plan in layout.Plans)
        {
            for (var i = 0; i < perPlan; i++)
            {
                var item = new ActionItem
                {
                    JointBodyId = plan.BodyId,
                    ActionPlanId = plan.Id,
                    TrackId = plan.TrackIds[random.Next(plan.TrackIds.Length)],
                    Title = Text($"بند العمل رقم {i}: {Topics[(i + made) % Topics.Length].Ar}", $"Action item {i}: {Topics[(i + made) % Topics.Length].En}"),
                    DueOn = new DateOnly(2020, 1, 1).AddDays(random.Next(0, 3650)),
                    Owners = [.. plan.Parties.Select(p => new ActionItemOwner { InstitutionId = layout.Institutions[p][random.Next(5)], PartyId = p })],
                };
                item.ChangeStatus(Statuses[random.Next(Statuses.Length)]);
                if (i % 10 == 9)
                {
                    // One item in ten is the first party's own, unseen by the other.
                    item.SetVisibility(Visibility.National, plan.Parties[0]);
                }

                if (i % 4 == 0)
                {
                    var topic = Topics[(i + made + 7) % Topics.Length];
                    item.Updates.Add(new ProgressUpdate { ActionItemId = item.Id, PartyId = plan.Parties[i % 2], On = item.DueOn!.Value.AddDays(-30), Text = Text($"تقدم في {topic.Ar}", $"Progress on {topic.En}"), PercentComplete = 50 });
                }

                foreach (var owner in item.Owners)
                {
                    owner.ActionItemId = item.Id;
                }

                yield return item;
                if (i % 40 == 0)
                {
                    // Obstacles and notes at a fortieth of the items each.
                    var topic = Topics[(i + made + 13) % Topics.Length];
                    var obstacle = new Obstacle { JointBodyId = plan.BodyId, TrackId = item.TrackId, ActionItemId = item.Id, Title = Text($"عقبة أمام {topic.Ar}", $"Obstacle to {topic.En}"), RaisedByPartyId = plan.Parties[1], RaisedOn = item.DueOn!.Value.AddDays(-60) };
                    var note = new Note { JointBodyId = plan.BodyId, TargetType = RecordType.ActionItem, TargetId = item.Id, Language = "en", Text = $"Follow up {topic.En} with the lead ministry" };
                    obstacle.SetVisibility(item.Visibility, item.OwnerPartyId);
                    note.SetVisibility(item.Visibility, item.OwnerPartyId);
                    yield return obstacle;
                    yield return note;
                }
            }

            made += perPlan;
        }
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
