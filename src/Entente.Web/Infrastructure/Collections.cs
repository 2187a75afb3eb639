namespace Entente.Web.Infrastructure;

/// <summary>Brings a tracked child collection to a wanted state without deleting and re-adding rows that stay.</summary>
public static class Collections
{
    /// <summary>
    /// Removes the items whose key is not wanted, updates those that stay with
    /// <paramref name="update"/>, and adds the new ones.
    /// </summary>
    public static void SyncWith<T, TKey>(this List<T> current, IEnumerable<T> wanted, Func<T, TKey> key, Action<T, T>? update = null)
        where TKey : notnull
    {
        var wantedByKey = new Dictionary<TKey, T>();
        foreach (var item in wanted)
        {
            wantedByKey.TryAdd(key(item), item);
        }

        current.RemoveAll(item => !wantedByKey.ContainsKey(key(item)));
        foreach (var (k, item) in wantedByKey)
        {
            var existing = current.FirstOrDefault(c => EqualityComparer<TKey>.Default.Equals(key(c), k));
            if (existing is null)
            {
                current.Add(item);
            }
            else
            {
                update?.Invoke(existing, item);
            }
        }
    }
}
