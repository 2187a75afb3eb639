using System.Globalization;
using System.Reflection;
using Entente.Data;
using Entente.Data.Search;
using Entente.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using Spectre.Console;

namespace Entente.Bench;

/// <summary>
/// Fills a PostgreSQL database at the HTTP benchmark's scale: the structure (parties, bodies, tracks, sessions,
/// plans) through the data context, then the generator's action items, owners, progress updates, obstacles,
/// notes and their search entries by binary COPY, each row as the data context would store it (the columns and
/// value conversions are read from the EF Core model; timestamps, folded text and search entries made as a save
/// makes them). The bulk rows have no audit entries: the chain holds the structure only.
/// </summary>
public static class BulkFill
{
    /// <summary>Items written by one COPY of each table, in one transaction.</summary>
    private const int Batch = 25_000;

    /// <summary>Items the writes of the benchmark update, one in-flight request each.</summary>
    public const int WritePool = 4_096;

    public static async Task<int> RunAsync(Func<AppDbContext> newContext, int bodies, int items, string outFile)
    {
        Layout layout;
        await using (var db = newContext())
        {
            await Web.Data.DatabaseSetup.MigrateAsync(db);
            if (await db.Parties.IgnoreQueryFilters().AnyAsync())
            {
                await Console.Error.WriteLineAsync("fill: the database is not empty; the benchmark fills a new one.");
                return 1;
            }

            layout = await Generator.StructureAsync(db, bodies, sessionsPerBody: 20);
        }

        await using var context = newContext();
        var connection = (NpgsqlConnection)context.Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = new Dictionary<Type, Table>();
        Table TableOf(Type type) => tables.TryGetValue(type, out var t) ? t : tables[type] = Table.Of(context.Model.FindEntityType(type)!);

        var now = DateTime.UtcNow;
        var rows = new Dictionary<Type, List<object>>();
        void Add(object row) => (rows.TryGetValue(row.GetType(), out var list) ? list : rows[row.GetType()] = []).Add(row);

        var made = 0;
        var sample = Guid.Empty; // the first item: joint, of the first body
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask($"{items:N0} action items", maxValue: items);
                foreach (var record in Generator.Records(layout, items).Concat(PoolItems(layout)))
                {
                    Stamp(record, now);
                    Add(record);
                    foreach (var entry in SearchIndexing.EntriesOfLoaded(record))
                    {
                        Add(entry);
                    }

                    if (record is ActionItem item)
                    {
                        item.Owners.ForEach(Add);
                        foreach (var update in item.Updates)
                        {
                            Stamp(update, now);
                            Add(update);
                        }

                        sample = sample == Guid.Empty ? item.Id : sample;
                        if (++made % Batch == 0)
                        {
                            await CopyAsync(connection, rows, TableOf);
                            task.Value = Math.Min(made, items);
                        }
                    }
                }

                await CopyAsync(connection, rows, TableOf);
                task.Value = items;
            });

        await using (var analyze = new NpgsqlCommand("VACUUM ANALYZE", connection))
        {
            analyze.CommandTimeout = 0;
            await analyze.ExecuteNonQueryAsync();
        }

        // What the run script needs: names and ids to build its requests from, as shell assignments.
        var body = layout.Plans[0];
        var plannedSession = layout.SessionIds[19];
        var lines = new[]
        {
            $"PARTY_CODE=PAA",
            $"BODY_ID={body.BodyId}",
            $"BODY_NAME='Joint Committee 0'",
            $"TRACK_ID={body.TrackIds[0]}",
            $"SESSION_ID={plannedSession}",
            $"SAMPLE_ITEM_ID={sample}",
            $"ITEMS={made - WritePool}",
        };
        await File.WriteAllLinesAsync(outFile, lines);
        await File.WriteAllLinesAsync(outFile + ".pool", PoolIds(layout));
        return 0;
    }

    /// <summary>The items the benchmark's writes replace: joint, in no plan, in the first body's first track, no owners.</summary>
    private static IEnumerable<ActionItem> PoolItems(Layout layout)
    {
        var plan = layout.Plans[0];
        for (var i = 0; i < WritePool; i++)
        {
            yield return new ActionItem
            {
                Id = PoolId(i),
                JointBodyId = plan.BodyId,
                TrackId = plan.TrackIds[0],
                Title = new BilingualText($"بند للكتابة {i}", $"Write pool item {i}"),
                DueOn = new DateOnly(2027, 1, 1),
            };
        }
    }

    private static IEnumerable<string> PoolIds(Layout layout) => Enumerable.Range(0, WritePool).Select(i => PoolId(i).ToString("D"));

    /// <summary>Fixed ids, so that the pool is known without reading it back.</summary>
    private static Guid PoolId(int i) => Guid.Parse(string.Create(CultureInfo.InvariantCulture, $"00000000-0000-4000-8000-{i:x12}"));

    /// <summary>What the data context's save sets on a new record: its times and its folded search text.</summary>
    private static void Stamp(object record, DateTime now)
    {
        if (record is Entity entity)
        {
            entity.CreatedAt = now;
            entity.UpdatedAt = now;
        }
        else if (record is ProgressUpdate update)
        {
            update.CreatedAt = now;
        }

        if (record is ISearchable searchable)
        {
            searchable.SearchText = SearchText.Fold(searchable.SearchableText());
        }
    }

    private static async Task CopyAsync(NpgsqlConnection connection, Dictionary<Type, List<object>> rows, Func<Type, Table> tableOf)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        // Parents first: the items, then what refers to them.
        foreach (var (type, list) in rows.OrderBy(r => r.Key == typeof(ActionItem) ? 0 : r.Key == typeof(SearchEntry) ? 2 : 1))
        {
            if (list.Count == 0)
            {
                continue;
            }

            var table = tableOf(type);
            await using (var writer = await connection.BeginBinaryImportAsync(table.CopyCommand))
            {
                foreach (var row in list)
                {
                    await writer.StartRowAsync();
                    foreach (var column in table.Columns)
                    {
                        var value = column.Read(row);
                        if (value is null)
                        {
                            await writer.WriteNullAsync();
                        }
                        else
                        {
                            await writer.WriteAsync(value, column.StoreType);
                        }
                    }
                }

                await writer.CompleteAsync();
            }

            list.Clear();
        }

        await transaction.CommitAsync();
    }

    /// <summary>A table's stored columns as the model maps them, each read from a record in memory and converted as EF Core stores it.</summary>
    private sealed record Table(string CopyCommand, List<Column> Columns)
    {
        public static Table Of(IEntityType type)
        {
            var columns = new List<Column>();
            foreach (var property in type.GetProperties().Where(Stored))
            {
                columns.Add(Column.Of(property, null));
            }

            foreach (var complex in type.GetComplexProperties())
            {
                columns.AddRange(complex.ComplexType.GetProperties().Where(Stored).Select(p => Column.Of(p, complex.PropertyInfo)));
            }

            var names = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
            return new Table($"COPY \"{type.GetTableName()}\" ({names}) FROM STDIN (FORMAT BINARY)", columns);
        }

        /// <summary>Not computed by the database (a generated column, an identity key).</summary>
        private static bool Stored(IProperty property) =>
            property.GetComputedColumnSql() is null && !(property.IsPrimaryKey() && property.ClrType == typeof(long));
    }

    private sealed record Column(string Name, string StoreType, Func<object, object?> Read)
    {
        public static Column Of(IProperty property, PropertyInfo? container)
        {
            var info = property.PropertyInfo ?? throw new InvalidOperationException($"{property.DeclaringType.DisplayName()}.{property.Name} is a shadow property; the bulk fill writes only mapped ones.");
            var converter = property.GetValueConverter() ?? property.GetTypeMapping().Converter;
            var storeType = property.GetColumnType();
            var bare = storeType.IndexOf('(', StringComparison.Ordinal) is var at and > 0 ? storeType[..at] : storeType;
            return new Column(property.GetColumnName(), bare, row =>
            {
                var owner = container is null ? row : container.GetValue(row);
                var value = owner is null ? null : info.GetValue(owner);
                return value is null || converter is null ? value : converter.ConvertToProvider(value);
            });
        }
    }
}
