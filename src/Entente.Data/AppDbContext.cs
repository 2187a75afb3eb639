using Entente.Data.Search;
using Entente.Domain;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Entente.Data;

/// <summary>
/// The one database of Entente, provider-neutral: the same model runs on SQLite (embedded
/// default) and PostgreSQL; each provider's migrations live in their own assembly.
/// </summary>
public class AppDbContext(DbContextOptions<AppDbContext> options, TimeProvider? clock = null, IAuditActor? actor = null)
    : IdentityUserContext<Account, Guid>(options), IDataProtectionKeyContext
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    // Fails closed: a context told of no actor is no one's, and reads and writes nothing (the program must ask for SystemActor by name).
    private readonly IAuditActor _actor = actor ?? NoActor.Instance;

    public DbSet<Party> Parties => Set<Party>();

    public DbSet<Institution> Institutions => Set<Institution>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<JointBody> JointBodies => Set<JointBody>();

    public DbSet<Session> Sessions => Set<Session>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<Track> Tracks => Set<Track>();

    public DbSet<Agreement> Agreements => Set<Agreement>();

    public DbSet<Document> Documents => Set<Document>();

    public DbSet<DocumentContent> DocumentContents => Set<DocumentContent>();

    public DbSet<ActionPlan> ActionPlans => Set<ActionPlan>();

    public DbSet<ActionItem> ActionItems => Set<ActionItem>();

    public DbSet<ProgressUpdate> ProgressUpdates => Set<ProgressUpdate>();

    public DbSet<Obstacle> Obstacles => Set<Obstacle>();

    public DbSet<SessionPoint> SessionPoints => Set<SessionPoint>();

    public DbSet<Indicator> Indicators => Set<Indicator>();

    public DbSet<IndicatorValue> IndicatorValues => Set<IndicatorValue>();

    public DbSet<Engagement> Engagements => Set<Engagement>();

    public DbSet<Note> Notes => Set<Note>();

    public DbSet<Source> Sources => Set<Source>();

    public DbSet<Claim> Claims => Set<Claim>();

    public DbSet<Membership> Memberships => Set<Membership>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    /// <summary>Failed password attempts per account and address (what pauses sign-in; never in the audit chain).</summary>
    public DbSet<SignInFailure> SignInFailures => Set<SignInFailure>();

    public DbSet<AccountSession> AccountSessions => Set<AccountSession>();

    /// <summary>The agendas of sessions and meetings, item by item, with their minutes.</summary>
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();

    /// <summary>The joint statements of sessions, with their approvals.</summary>
    public DbSet<JointStatement> JointStatements => Set<JointStatement>();

    /// <summary>Co-chairs' signatures of frozen action plans.</summary>
    public DbSet<PlanSignature> PlanSignatures => Set<PlanSignature>();

    /// <summary>The signing authority's and the signers' keys (private halves protected).</summary>
    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();

    /// <summary>The keys that protect cookies and antiforgery tokens, shared by every instance of the program.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>What search finds, one entry per record (and per progress update), made again with every save of its record (ADR 0011).</summary>
    public DbSet<SearchEntry> SearchEntries => Set<SearchEntry>();

    /// <summary>How this context's database matches and ranks search entries, as its provider gave it (ADR 0011).</summary>
    public ISearchMatcher SearchMatcher => options.FindExtension<SearchMatcherExtension>()?.Matcher
        ?? throw new InvalidOperationException("The database provider gave no search matcher (SqliteProvider.Use or PostgresProvider.Use add it).");

    /// <summary>The audit chain; append-only (the context refuses to change or delete an entry).</summary>
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<PartialDate>().HaveConversion<PartialDateConverter, PartialDateComparer>().HaveMaxLength(40);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<decimal>().HavePrecision(28, 6);
        foreach (var enumType in typeof(Entity).Assembly.GetTypes().Where(t => t.IsEnum && t != typeof(DateParts)))
        {
            configurationBuilder.Properties(enumType).HaveConversion<string>().HaveMaxLength(40);
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        FilterByReader(modelBuilder);

        // Ids are made by the application (UUID version 7) before a record is saved, so a record
        // with an id that EF has not seen yet is new: added, never assumed to exist already.
        foreach (var key in modelBuilder.Model.GetEntityTypes().Select(t => t.FindPrimaryKey()).OfType<Microsoft.EntityFrameworkCore.Metadata.IMutableKey>())
        {
            foreach (var property in key.Properties.Where(p => p.ClrType == typeof(Guid) && p.Name == "Id"))
            {
                property.ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
            }
        }
    }

    /// <summary>
    /// Saves the changes and, in the same transaction, one audit entry per changed row, chained
    /// onto the head of the audit chain. Writers of the chain are serialized: on PostgreSQL by a
    /// transaction-scoped advisory lock, on SQLite by its write lock (transactions begin
    /// IMMEDIATE); the unique sequence number refuses a fork in any case.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        KeepUnchangedAsIs();
        await FollowVisibilityAsync(cancellationToken);
        Stamp();
        ChangeTracker.DetectChanges();
        var changes = Auditing.Pending(this);
        var touched = SearchIndexing.Touched(changes);
        await WriteRules.CheckAsync(this, changes, _actor, _derived, cancellationToken);
        await ReferenceRules.CheckAsync(this, changes, cancellationToken);
        await Auditing.LoadParentsAsync(this, changes, cancellationToken);
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Audit entries are append-only: they are never changed or deleted.");
        }

        if (changes.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var ownTransaction = Database.CurrentTransaction is null;
        await using var transaction = ownTransaction ? await Database.BeginTransactionAsync(cancellationToken) : null;
        if (OnPostgres)
        {
            await Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({Auditing.ChainLock})", cancellationToken);
        }

        var head = await AuditEntries.IgnoreQueryFilters().AsNoTracking().OrderByDescending(a => a.Sequence)
            .Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync(cancellationToken);
        AuditEntries.AddRange(Auditing.Chain(this, changes, _actor, _clock.GetUtcNow().UtcDateTime, head?.Sequence ?? 0, head?.Hash ?? AuditChain.Genesis));
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await IndexAsync(touched, cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return saved;
    }

    /// <summary>
    /// A save that changes no stored value (a form saved as it was read) writes nothing: the record keeps
    /// its version, so the other party's open form stays current, and the chain gets no empty entry.
    /// Rows replaced by equal ones (a history rewritten as it was) count as unchanged; a record whose
    /// own columns are unchanged still takes a new version when a row of it changes.
    /// </summary>
    private void KeepUnchangedAsIs()
    {
        var pending = Auditing.Pending(this);
        if (pending.Count == 0 || !Auditing.ChangesNothing(pending))
        {
            return;
        }

        foreach (var entry in pending)
        {
            entry.State = entry.State == EntityState.Added ? EntityState.Detached : EntityState.Unchanged;
        }
    }

    /// <summary>Makes the search entries of <paramref name="records"/> again from what is stored now, in the current transaction.</summary>
    private async Task IndexAsync(IReadOnlyCollection<(Type Type, Guid Id)> records, CancellationToken ct)
    {
        if (records.Count == 0)
        {
            return;
        }

        foreach (var chunk in records.Select(r => r.Id).Chunk(500))
        {
            await SearchEntries.IgnoreQueryFilters().Where(e => chunk.Contains(e.RootId)).ExecuteDeleteAsync(ct);
        }

        var entries = await SearchIndexing.BuildAsync(this, records, ct);
        SearchEntries.AddRange(entries);
        await base.SaveChangesAsync(true, ct);
        foreach (var entry in entries)
        {
            Entry(entry).State = EntityState.Detached;
        }
    }

    /// <summary>
    /// True when some record has no search entry made by this <see cref="SearchAnalysis.Version"/> (an earlier
    /// analysis made it, a database from before search was kept, a rebuild cut off part way), or an entry of another
    /// analysis is left (ADR 0011).
    /// </summary>
    public async Task<bool> SearchIsStaleAsync(CancellationToken ct)
    {
        if (await SearchEntries.IgnoreQueryFilters().AnyAsync(e => e.AnalysisVersion != SearchAnalysis.Version, ct))
        {
            return true;
        }

        foreach (var type in SearchIndexing.Kinds.Keys)
        {
            if ((await StaleOfAsync(type, 1, ct)).Count > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Makes the search entries of every record that has none of this analysis, a batch of records per
    /// transaction, each batch serialized with every other write (so that no save between the read of a record
    /// and the write of its entries is undone); then removes entries of another analysis, and goes round again
    /// until none is missing (an instance of an earlier version may still be writing its own). It may stop and
    /// start again at any point, and several instances may run it at once. A record whose entries cannot be made
    /// is named to <paramref name="failed"/> and passed over. Returns the entries made.
    /// </summary>
    public async Task<int> RebuildSearchAsync(Action<string, int>? progress, Action<Type, Guid, Exception>? failed, CancellationToken ct)
    {
        var made = 0;
        var passedOver = new HashSet<Guid>();
        for (var round = 0; round < 3 && await SearchIsStaleAsync(ct); round++)
        {
            foreach (var type in SearchIndexing.Kinds.Keys)
            {
                // Documents read their files' text: fewer at a time, so that other writes wait less.
                var batch = type == typeof(Document) ? 20 : 500;
                while (true)
                {
                    var chunk = (await StaleOfAsync(type, batch + passedOver.Count, ct)).Where(id => !passedOver.Contains(id)).Take(batch).ToArray();
                    if (chunk.Length == 0)
                    {
                        break;
                    }

                    try
                    {
                        made += await RebuildSearchOfAsync(type, chunk, ct);
                    }
                    catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
                    {
                        ChangeTracker.Clear();
                        foreach (var id in chunk)
                        {
                            try
                            {
                                made += await RebuildSearchOfAsync(type, [id], ct);
                            }
                            catch (Exception one) when (one is not OperationCanceledException and not OutOfMemoryException)
                            {
                                ChangeTracker.Clear();
                                passedOver.Add(id);
                                failed?.Invoke(type, id, one);
                            }
                        }
                    }

                    progress?.Invoke(SearchIndexing.Kinds[type], made);
                }
            }

            await SearchEntries.IgnoreQueryFilters().Where(e => e.AnalysisVersion != SearchAnalysis.Version).ExecuteDeleteAsync(ct);
        }

        return made;
    }

    /// <summary>Makes the entries of some records of one kind again, in a transaction of their own taken in turn with every other write.</summary>
    private async Task<int> RebuildSearchOfAsync(Type type, Guid[] ids, CancellationToken ct)
    {
        await using var transaction = await Database.BeginTransactionAsync(ct);
        if (OnPostgres)
        {
            await Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({Auditing.ChainLock})", ct);
        }

        await SearchEntries.IgnoreQueryFilters().Where(e => ids.Contains(e.RootId)).ExecuteDeleteAsync(ct);
        var built = await SearchIndexing.BuildAsync(this, ids.Select(id => (type, id)), ct);
        SearchEntries.AddRange(built);
        await base.SaveChangesAsync(true, ct);
        await transaction.CommitAsync(ct);
        ChangeTracker.Clear();
        return built.Count;
    }

    /// <summary>Up to <paramref name="count"/> records of <paramref name="type"/> with no entry of this analysis.</summary>
    private async Task<List<Guid>> StaleOfAsync(Type type, int count, CancellationToken ct)
    {
        var method = typeof(AppDbContext).GetMethod(nameof(StaleOfTypeAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.MakeGenericMethod(type);
        return await (Task<List<Guid>>)method.Invoke(this, [count, ct])!;
    }

    private Task<List<Guid>> StaleOfTypeAsync<T>(int count, CancellationToken ct)
        where T : class =>
        Set<T>().IgnoreQueryFilters().Select(r => EF.Property<Guid>(r, "Id"))
            .Where(id => !SearchEntries.IgnoreQueryFilters().Any(e => e.RootId == id && e.AnalysisVersion == SearchAnalysis.Version))
            .OrderBy(id => id).Take(count).ToListAsync(ct);

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>
    /// Refuses (<see cref="WriteForbiddenException"/>) a change of <paramref name="record"/>, as it is
    /// stored now, that the actor may not make. Handlers call it as soon as they hold the record, before
    /// they check the request, so that a refused caller learns nothing from the rules a request breaks.
    /// </summary>
    public Task EnsureMayChangeAsync(object record, CancellationToken cancellationToken) =>
        WriteRules.CheckChangeAsync(this, record, _actor, cancellationToken);

    /// <summary>Rows the data layer changed itself as a consequence of a checked change (a claim following its record's visibility).</summary>
    private readonly HashSet<object> _derived = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// A claim is seen by whoever sees its record: when a national record is shared, its claims (and
    /// those about its figures) are shared with it, in the same save.
    /// </summary>
    private async Task FollowVisibilityAsync(CancellationToken ct)
    {
        _derived.Clear();
        var changed = ChangeTracker.Entries<BodyRecord>()
            .Where(e => e.State == EntityState.Modified && (e.Property(r => r.Visibility).IsModified || e.Property(r => r.OwnerPartyId).IsModified))
            .Select(e => e.Entity).ToList();
        if (changed.Count == 0)
        {
            return;
        }

        var recordOf = changed.ToDictionary(r => r.Id);
        var indicatorIds = changed.OfType<Indicator>().Select(i => i.Id).ToList();
        foreach (var value in await Set<IndicatorValue>().AsNoTracking().Where(v => indicatorIds.Contains(v.IndicatorId)).Select(v => new { v.Id, v.IndicatorId }).ToListAsync(ct))
        {
            recordOf[value.Id] = recordOf[value.IndicatorId];
        }

        var ids = recordOf.Keys.ToList();
        foreach (var claim in await Claims.IgnoreQueryFilters().Where(c => ids.Contains(c.RecordId)).ToListAsync(ct))
        {
            var record = recordOf[claim.RecordId];
            if (claim.Visibility != record.Visibility || claim.OwnerPartyId != record.OwnerPartyId)
            {
                claim.Visibility = record.Visibility;
                claim.OwnerPartyId = record.OwnerPartyId;
                _derived.Add(claim);
            }
        }
    }

    private static readonly CompiledPerModel<Func<AppDbContext, Task<long?>>> ChainHead =
        new(() => EF.CompileAsyncQuery((AppDbContext db) => db.AuditEntries.IgnoreQueryFilters().Max(a => (long?)a.Sequence)));

    /// <summary>
    /// The sequence of the audit chain's last entry: it rises with every change saved, in the transaction of the change,
    /// so that whatever was read at one value of it is still what the records hold while it stays the same (the read
    /// cache's key). Changes written beside the chain (a search rebuild, sign-in bookkeeping) do not raise it.
    /// </summary>
    public async Task<long> ChainHeadAsync() => await ChainHead.For(this)(this) ?? 0;

    /// <summary>True when the database puts nulls after every value in an ascending order (PostgreSQL; SQLite puts them first).</summary>
    public bool SortsNullsLast => OnPostgres;

    private bool OnPostgres => Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;

    /// <summary>True when the reader sees every record (the program itself).</summary>
    private bool ReaderSeesAll => _actor.IsSystem;

    private Guid? ReaderParty => _actor.PartyId;

    private bool ReaderIsAdministrator => _actor.IsAdministrator;

    /// <summary>
    /// The heart of party isolation, in the data layer so that no endpoint can forget it: a party
    /// reads the joint records of the joint bodies it belongs to and its own national records, and
    /// never a national record of another party (which then answers as not found). An instance
    /// administrator also reads the joint records of bodies its party is not in, never another
    /// party's national records.
    /// </summary>
    private void FilterByReader(ModelBuilder b)
    {
        b.Entity<JointBody>().HasQueryFilter(r => ReaderSeesAll || ReaderIsAdministrator || r.Members.Any(m => m.PartyId == ReaderParty));
        b.Entity<Session>().HasQueryFilter(r => ReaderSeesAll || ReaderIsAdministrator || Set<JointBodyMember>().Any(m => m.JointBodyId == r.JointBodyId && m.PartyId == ReaderParty));
        b.Entity<Track>().HasQueryFilter(r => ReaderSeesAll || ReaderIsAdministrator || Set<JointBodyMember>().Any(m => m.JointBodyId == r.JointBodyId && m.PartyId == ReaderParty));
        b.Entity<ActionPlan>().HasQueryFilter(r => ReaderSeesAll || ReaderIsAdministrator || Set<JointBodyMember>().Any(m => m.JointBodyId == r.JointBodyId && m.PartyId == ReaderParty));
        b.Entity<JointStatement>().HasQueryFilter(r => ReaderSeesAll || ReaderIsAdministrator || Set<JointBodyMember>().Any(m => m.JointBodyId == r.JointBodyId && m.PartyId == ReaderParty));
        b.Entity<PlanSignature>().HasQueryFilter(r => ReaderSeesAll || ReaderIsAdministrator || Set<JointBodyMember>().Any(m => m.JointBodyId == r.JointBodyId && m.PartyId == ReaderParty));
        b.Entity<SigningKey>().HasQueryFilter(r => ReaderSeesAll || r.Kind == SigningKeyKind.Authority || r.AccountId == _actor.AccountId);
        b.Entity<Source>().HasQueryFilter(r => ReaderSeesAll || ReaderIsAdministrator || r.JointBodyId == null || Set<JointBodyMember>().Any(m => m.JointBodyId == r.JointBodyId && m.PartyId == ReaderParty));
        b.Entity<Claim>().HasQueryFilter(r => ReaderSeesAll
            || ((ReaderIsAdministrator || r.JointBodyId == null || Set<JointBodyMember>().Any(m => m.JointBodyId == r.JointBodyId && m.PartyId == ReaderParty))
                && (r.Visibility == Visibility.Joint || r.OwnerPartyId == ReaderParty)));
        // An entry is read within the visibility it was sealed with; a claim's entries, moreover, only while the
        // claim itself is seen (entries written before claims carried their record's visibility were sealed joint).
        b.Entity<AuditEntry>().HasQueryFilter(r => ReaderSeesAll
            || ((r.JointBodyId == null ? ReaderIsAdministrator : ReaderIsAdministrator || Set<JointBodyMember>().Any(m => m.JointBodyId == r.JointBodyId && m.PartyId == ReaderParty))
                && (r.Visibility == Visibility.Joint || r.OwnerPartyId == ReaderParty)
                && (r.EntityType != nameof(Claim) || Set<Claim>().Any(c => c.Id == r.RecordId))));
        // What search finds is seen as its record is: a national record's entry, terms and text never reach the other party.
        b.Entity<SearchEntry>().HasQueryFilter(r => ReaderSeesAll
            || ((r.JointBodyId == null || ReaderIsAdministrator || Set<JointBodyMember>().Any(m => m.JointBodyId == r.JointBodyId && m.PartyId == ReaderParty))
                && (r.Visibility == Visibility.Joint || r.OwnerPartyId == ReaderParty)));
        FilterBodyRecord<Meeting>(b);
        FilterBodyRecord<Agreement>(b);
        FilterBodyRecord<Document>(b);
        b.Entity<DocumentContent>().HasQueryFilter(c => ReaderSeesAll || Set<Document>().Any(d => d.Id == c.DocumentId));
        FilterBodyRecord<ActionItem>(b);
        // A link is read only with the record it names: an item never shows the id of an agreement its reader cannot see.
        b.Entity<ActionItemAgreement>().HasQueryFilter(l => ReaderSeesAll || Set<Agreement>().Any(a => a.Id == l.AgreementId));
        FilterBodyRecord<Obstacle>(b);
        FilterBodyRecord<Indicator>(b);
        FilterBodyRecord<Engagement>(b);
        FilterBodyRecord<Note>(b);
        FilterBodyRecord<AgendaItem>(b);
        FilterBodyRecord<SessionPoint>(b);
        // As for an item's agreements: a point's link is read only with the record it names.
        b.Entity<SessionPointLink>().HasQueryFilter(l => ReaderSeesAll
            || (l.RecordType == RecordType.ActionItem && Set<ActionItem>().Any(r => r.Id == l.RecordId))
            || (l.RecordType == RecordType.Obstacle && Set<Obstacle>().Any(r => r.Id == l.RecordId))
            || (l.RecordType == RecordType.Agreement && Set<Agreement>().Any(r => r.Id == l.RecordId)));
    }

    private void FilterBodyRecord<T>(ModelBuilder b)
        where T : BodyRecord =>
        b.Entity<T>().HasQueryFilter(r => ReaderSeesAll
            || ((ReaderIsAdministrator || Set<JointBodyMember>().Any(m => m.JointBodyId == r.JointBodyId && m.PartyId == ReaderParty))
                && (r.Visibility == Visibility.Joint || r.OwnerPartyId == ReaderParty)));

    /// <summary>
    /// Sets creation and change times, and raises the version of every changed record by one.
    /// The version's original value stays what the writer read, so the UPDATE only matches
    /// that version and a concurrent write is reported instead of lost.
    /// </summary>
    private void Stamp()
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry is { State: EntityState.Added or EntityState.Modified, Entity: ISearchable searchable })
            {
                searchable.SearchText = SearchText.Fold(searchable.SearchableText());
            }

            switch (entry)
            {
                case { State: EntityState.Added, Entity: Entity added }:
                    added.CreatedAt = now;
                    added.UpdatedAt = now;
                    added.Version = 1;
                    break;
                case { State: EntityState.Modified, Entity: Entity changed }:
                    var version = entry.Property(nameof(Entity.Version));
                    if (Equals(version.CurrentValue, version.OriginalValue))
                    {
                        changed.Version = (long)version.OriginalValue! + 1;
                    }

                    changed.UpdatedAt = now;
                    break;
                case { State: EntityState.Added, Entity: ProgressUpdate update }:
                    update.CreatedAt = now;
                    break;
                case { State: EntityState.Added, Entity: DocumentVersion documentVersion }:
                    documentVersion.CreatedAt = now;
                    break;
            }
        }
    }

    private sealed class PartialDateConverter() : ValueConverter<PartialDate, string>(v => v.ToString(), v => PartialDate.Parse(v));

    private sealed class PartialDateComparer() : ValueComparer<PartialDate>((a, b) => object.Equals(a, b), v => v.GetHashCode(), v => v);

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
