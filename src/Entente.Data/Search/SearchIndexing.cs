using System.Collections;
using System.Reflection;
using System.Text;
using Entente.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Entente.Data.Search;

/// <summary>
/// Keeps <see cref="SearchEntry"/> rows in step with the records: the records a save touched (directly, or
/// through a row they own: a person's names, an item's progress updates, a document's files) have their
/// entries made again inside the save's transaction, from the records as stored (ADR 0011).
/// </summary>
public static class SearchIndexing
{
    /// <summary>Most text taken from one record (a long document's file is indexed up to here).</summary>
    public const int MaxText = 100_000;

    /// <summary>Most terms a record's text is indexed under.</summary>
    public const int MaxTerms = 16_000;

    /// <summary>The records that are found, by the kind the API names them with.</summary>
    public static IReadOnlyDictionary<Type, string> Kinds { get; } = new Dictionary<Type, string>
    {
        [typeof(JointBody)] = "jointBody",
        [typeof(Session)] = "session",
        [typeof(Meeting)] = "meeting",
        [typeof(Track)] = "track",
        [typeof(Agreement)] = "agreement",
        [typeof(ActionPlan)] = "actionPlan",
        [typeof(ActionItem)] = "actionItem",
        [typeof(Obstacle)] = "obstacle",
        [typeof(Indicator)] = "indicator",
        [typeof(Engagement)] = "engagement",
        [typeof(Note)] = "note",
        [typeof(AgendaItem)] = "agendaItem",
        [typeof(SessionPoint)] = "sessionPoint",
        [typeof(JointStatement)] = "statement",
        [typeof(Document)] = "document",
        [typeof(Source)] = "source",
        [typeof(Claim)] = "claim",
        [typeof(Person)] = "person",
        [typeof(Institution)] = "institution",
        [typeof(Party)] = "party",
    };

    /// <summary>Every kind of hit, those found as part of another record (<c>progressUpdate</c>) included.</summary>
    public static IReadOnlyList<string> AllKinds { get; } = [.. Kinds.Values, "progressUpdate"];

    /// <summary>The kinds of entry a record of <paramref name="type"/> is found by: its own, and an item's by its progress updates too.</summary>
    public static string[] KindsOf(Type type) => type == typeof(ActionItem) ? [Kinds[type], "progressUpdate"] : Kinds.TryGetValue(type, out var kind) ? [kind] : [];

    private static readonly HashSet<string> SkippedText = new(StringComparer.Ordinal)
    {
        "Language", "Url", "Sha256", "MediaType", "CanonicalForm", "ContentSha256", "SearchText", "Field", "ReopenReason", "Hash", "Algorithm",
    };

    /// <summary>The records whose entries a pending save changes: each changed record, and the record each changed owned row belongs to.</summary>
    public static HashSet<(Type Type, Guid Id)> Touched(IEnumerable<EntityEntry> changes)
    {
        var touched = new HashSet<(Type, Guid)>();
        foreach (var change in changes)
        {
            var type = change.Metadata.ClrType;
            if (Kinds.ContainsKey(type))
            {
                touched.Add((type, (Guid)change.Property("Id").CurrentValue!));
                continue;
            }

            foreach (var key in change.Metadata.GetForeignKeys().Where(k => k.PrincipalToDependent is not null && Kinds.ContainsKey(k.PrincipalEntityType.ClrType) && k.Properties.Count == 1))
            {
                var property = change.Property(key.Properties[0].Name);
                foreach (var value in new[] { property.CurrentValue, property.OriginalValue })
                {
                    if (value is Guid id)
                    {
                        touched.Add((key.PrincipalEntityType.ClrType, id));
                    }
                }
            }

            if (change.Entity is DocumentContent content)
            {
                touched.Add((typeof(Document), content.DocumentId));
            }
        }

        return touched;
    }

    /// <summary>Makes the entries of <paramref name="records"/> again, as the database holds them now (a removed record has none).</summary>
    public static async Task<List<SearchEntry>> BuildAsync(AppDbContext db, IEnumerable<(Type Type, Guid Id)> records, CancellationToken ct)
    {
        var entries = new List<SearchEntry>();
        foreach (var group in records.GroupBy(r => r.Type))
        {
            foreach (var chunk in group.Select(r => r.Id).Chunk(500))
            {
                entries.AddRange(await BuildOfTypeAsync(db, group.Key, chunk, ct));
            }
        }

        return entries;
    }

    private static async Task<List<SearchEntry>> BuildOfTypeAsync(AppDbContext db, Type type, Guid[] ids, CancellationToken ct)
    {
        var load = typeof(SearchIndexing).GetMethod(nameof(LoadAsync), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type);
        var records = await (Task<List<object>>)load.Invoke(null, [db, ids, ct])!;
        var entries = new List<SearchEntry>(records.Count);
        var documentTexts = type == typeof(Document) ? await DocumentTextsAsync(db, ids, ct) : [];
        var sessionNumbers = new Dictionary<Guid, int>();
        if (type == typeof(JointStatement))
        {
            var sessions = records.Cast<JointStatement>().Select(s => s.SessionId).Distinct().ToList();
            sessionNumbers = await db.Sessions.IgnoreQueryFilters().AsNoTracking().Where(s => sessions.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Number, ct);
        }

        foreach (var record in records)
        {
            entries.AddRange(EntriesOf(record, documentTexts, sessionNumbers));
        }

        return entries;
    }

    private static async Task<List<object>> LoadAsync<T>(AppDbContext db, Guid[] ids, CancellationToken ct)
        where T : class
    {
        IQueryable<T> query = db.Set<T>().IgnoreQueryFilters().AsNoTracking().AsSplitQuery();
        var entityType = db.Model.FindEntityType(typeof(T))!;
        foreach (var navigation in entityType.GetNavigations().Where(n => n.IsCollection && !n.TargetEntityType.IsOwned() && !Kinds.ContainsKey(n.TargetEntityType.ClrType)))
        {
            query = query.Include(navigation.Name);
        }

        var list = await query.Where(r => ids.Contains(EF.Property<Guid>(r, "Id"))).ToListAsync(ct);
        return [.. list.Cast<object>()];
    }

    /// <summary>
    /// The entries of a record held in memory with its collections (an item with its owners and progress updates), as a
    /// save would make them; for records written in bulk outside the data context (the benchmark's fill). Not for a
    /// document (its files' text is read from the database) nor a statement (its session's number is).
    /// </summary>
    public static IEnumerable<SearchEntry> EntriesOfLoaded(object record) => EntriesOf(record, [], []);

    private static IEnumerable<SearchEntry> EntriesOf(object record, Dictionary<Guid, string> documentTexts, Dictionary<Guid, int> sessionNumbers)
    {
        var id = (Guid)record.GetType().GetProperty("Id")!.GetValue(record)!;
        var texts = new Texts();
        // The title is indexed and shown apart; an item's progress updates are entries of their own.
        var skip = new List<string>();
        if (TitleProperty(record) is { } title)
        {
            skip.Add(title);
        }

        if (record is ActionItem)
        {
            skip.Add("Updates");
        }

        Collect(record, texts, 0, skip);
        var (titleAr, titleEn) = TitleOf(record, texts, sessionNumbers);
        if (record is Session numbered && Ordinals.Arabic(numbered.Number) is { } ordinalAr && Ordinals.English(numbered.Number) is { } ordinalEn)
        {
            // "The sixteenth session", «الدورة السادسة عشرة»: as releases write the number.
            texts.Add($"الدورة {ordinalAr}");
            texts.Add($"the {ordinalEn} session");
        }
        var entry = NewEntry(Kinds[record.GetType()], id, id, record);
        entry.ParentId = record switch
        {
            Claim c => c.SourceId,
            Note n => n.TargetId,
            ProgressUpdate u => u.ActionItemId,
            _ => null,
        };
        if (record is Document && documentTexts.TryGetValue(id, out var content))
        {
            texts.Add(content);
        }

        Fill(entry, titleAr, titleEn, texts, record is Person);
        yield return entry;

        if (record is ActionItem item)
        {
            foreach (var update in item.Updates)
            {
                var updateTexts = new Texts();
                Collect(update, updateTexts, 0, []);
                var child = NewEntry("progressUpdate", update.Id, item.Id, item);
                child.ParentId = item.Id;
                SetDate(child, PartialDate.Of(update.On));
                // Shown under its item's title; the title's words count as its text's, so that the item itself ranks first for them.
                Fill(child, item.Title.Ar, item.Title.En, updateTexts, false, titleAsText: true);
                yield return child;
            }
        }
    }

    private static SearchEntry NewEntry(string kind, Guid recordId, Guid rootId, object scope)
    {
        var entry = new SearchEntry { Kind = kind, RecordId = recordId, RootId = rootId, AnalysisVersion = SearchAnalysis.Version };
        var type = scope.GetType();
        entry.JointBodyId = type.GetProperty("JointBodyId")?.GetValue(scope) as Guid?;
        if (scope is JointBody body)
        {
            entry.JointBodyId = body.Id;
        }

        entry.ScopeId = entry.JointBodyId ?? Guid.Empty;
        entry.TrackId = scope is Track track ? track.Id : type.GetProperty("TrackId")?.GetValue(scope) as Guid?;
        if (scope is IHasVisibility visible)
        {
            entry.Visibility = visible.Visibility;
            entry.OwnerPartyId = visible.OwnerPartyId;
        }

        SetDate(entry, DateOf(scope));
        return entry;
    }

    private static void Fill(SearchEntry entry, string titleAr, string titleEn, Texts texts, bool isName, bool titleAsText = false)
    {
        entry.TitleAr = Cut(titleAr, 500);
        entry.TitleEn = Cut(titleEn, 500);
        entry.TextAr = Cut(texts.Arabic.ToString(), MaxText);
        entry.TextEn = Cut(texts.Latin.ToString(), MaxText);
        var titleTerms = SearchAnalysis.IndexTerms(entry.TitleAr + "\n" + entry.TitleEn, isName);
        var bodyTerms = Capped(SearchAnalysis.IndexTerms(entry.TextAr + "\n" + entry.TextEn, isName));
        // A gap after the title, so that a quoted phrase never runs from the title into the text (PostgreSQL puts them one after the other).
        entry.TitleTerms = titleAsText || titleTerms.Length == 0 ? string.Empty : $"{titleTerms} {SearchAnalysis.Gap}";
        entry.BodyTerms = !titleAsText || titleTerms.Length == 0 ? bodyTerms : bodyTerms.Length == 0 ? titleTerms : $"{bodyTerms} {SearchAnalysis.Gap} {titleTerms}";
    }

    /// <summary>At most <see cref="MaxTerms"/> terms: PostgreSQL keeps a text's positions up to 16,383 and a <c>tsvector</c> under 1 MB.</summary>
    private static string Capped(string terms)
    {
        var count = 0;
        for (var i = 0; i < terms.Length; i++)
        {
            if (terms[i] == ' ' && ++count == MaxTerms)
            {
                return terms[..i];
            }
        }

        return terms;
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];

    /// <summary>The day, month or year a record is about, by the first of its date fields it has, and how much of it is known.</summary>
    private static PartialDate? DateOf(object record)
    {
        foreach (var name in new[] { "StartsOn", "Date", "DueOn", "SignedOn", "RaisedOn", "PublishedOn", "On", "Established" })
        {
            switch (record.GetType().GetProperty(name)?.GetValue(record))
            {
                case DateOnly day:
                    return PartialDate.Of(day);
                case PartialDate { Year: not null } partial:
                    return partial;
            }
        }

        return record is JointStatement statement ? PartialDate.Of(DateOnly.FromDateTime(statement.PublishedAt ?? statement.GeneratedAt)) : null;
    }

    private static void SetDate(SearchEntry entry, PartialDate? date)
    {
        entry.Date = date?.FirstDay;
        entry.DateEnd = date?.LastDay;
        entry.DateParts = date is null || entry.Date is null ? 0 : date.Day is not null && date.Month is not null ? 3 : date.Month is not null ? 2 : 1;
    }

    private static (string Ar, string En) TitleOf(object record, Texts texts, Dictionary<Guid, int> sessionNumbers)
    {
        switch (record)
        {
            case Session s:
                return ($"الدورة {s.Number} {s.Theme?.Ar}".Trim(), $"Session {s.Number} ({Ordinal(s.Number)}) {s.Theme?.En}".Trim());
            case Person p:
                return (string.Join(" · ", p.Names.Where(n => n.Language == "ar").OrderByDescending(n => n.IsPreferred).Select(n => n.Text)),
                    string.Join(" · ", p.Names.Where(n => n.Language != "ar").OrderByDescending(n => n.IsPreferred).Select(n => n.Text)));
            case JointStatement statement:
                return sessionNumbers.TryGetValue(statement.SessionId, out var number)
                    ? ($"البيان المشترك للدورة {number}", $"Joint statement of session {number}")
                    : ("البيان المشترك", "Joint statement");
            case Note n:
                return n.Language == "ar" ? (Cut(n.Text, 120), string.Empty) : (string.Empty, Cut(n.Text, 120));
            case Claim c:
                return SplitScript(Cut(c.Quote ?? c.Value, 200));
        }

        foreach (var name in new[] { "Title", "Name", "Text" })
        {
            if (record.GetType().GetProperty(name)?.GetValue(record) is BilingualText title)
            {
                return (title.Ar, title.En);
            }
        }

        return (Cut(texts.Arabic.ToString(), 120), Cut(texts.Latin.ToString(), 120));
    }

    private static (string Ar, string En) SplitScript(string text) => text.Any(SearchAnalysis.IsArabic) ? (text, string.Empty) : (string.Empty, text);

    private static string Ordinal(int n) => (n % 100) switch
    {
        11 or 12 or 13 => $"{n}th",
        _ => (n % 10) switch { 1 => $"{n}st", 2 => $"{n}nd", 3 => $"{n}rd", _ => $"{n}th" },
    };

    /// <summary>The short bilingual name or title a record is known by, when it has one (a record known by a longer text keeps it in its text).</summary>
    private static string? TitleProperty(object record) =>
        record is Session or Person or JointStatement or Note or Claim ? null
        : new[] { "Title", "Name" }.FirstOrDefault(n => record.GetType().GetProperty(n)?.PropertyType == typeof(BilingualText));

    /// <summary>Gathers the text of a record and of the rows it owns, each language apart.</summary>
    private static void Collect(object value, Texts texts, int depth, IReadOnlyCollection<string> skip)
    {
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || skip.Contains(property.Name) || SkippedText.Contains(property.Name))
            {
                continue;
            }

            switch (property.GetValue(value))
            {
                case BilingualText text:
                    texts.Arabic.AppendLine(text.Ar);
                    texts.Latin.AppendLine(text.En);
                    break;
                case string s:
                    texts.Add(s);
                    break;
                case IEnumerable list when depth < 2 && property.PropertyType.IsGenericType:
                    foreach (var element in list)
                    {
                        if (element is string s)
                        {
                            texts.Add(s);
                        }
                        else if (element is not null && !Kinds.ContainsKey(element.GetType()) && element.GetType().IsClass)
                        {
                            Collect(element, texts, depth + 1, []);
                        }
                    }

                    break;
            }
        }
    }

    /// <summary>The words of each document's latest file, as taken out at its upload, or read from it now for a file kept before.</summary>
    private static async Task<Dictionary<Guid, string>> DocumentTextsAsync(AppDbContext db, Guid[] ids, CancellationToken ct)
    {
        var latest = await db.Set<DocumentVersion>().AsNoTracking().Where(v => ids.Contains(v.DocumentId))
            .GroupBy(v => v.DocumentId).Select(g => g.OrderByDescending(v => v.Number).Select(v => new { v.DocumentId, v.Id, v.MediaType }).First()).ToListAsync(ct);
        var texts = new Dictionary<Guid, string>();
        foreach (var version in latest)
        {
            var content = await db.DocumentContents.IgnoreQueryFilters().AsNoTracking().Where(c => c.VersionId == version.Id).Select(c => new { c.SearchText }).FirstOrDefaultAsync(ct);
            var text = content?.SearchText;
            if (content is not null && text is null)
            {
                var bytes = await db.DocumentContents.IgnoreQueryFilters().AsNoTracking().Where(c => c.VersionId == version.Id).Select(c => c.Bytes).FirstAsync(ct);
                text = DocumentText.Extract(bytes, version.MediaType);
            }

            if (text is { Length: > 0 })
            {
                texts[version.DocumentId] = text;
            }
        }

        return texts;
    }

    private sealed class Texts
    {
        public StringBuilder Arabic { get; } = new();

        public StringBuilder Latin { get; } = new();

        public void Add(string? text)
        {
            if (string.IsNullOrWhiteSpace(text) || Arabic.Length + Latin.Length > MaxText)
            {
                return;
            }

            (text.Any(SearchAnalysis.IsArabic) ? Arabic : Latin).AppendLine(text);
        }
    }
}
