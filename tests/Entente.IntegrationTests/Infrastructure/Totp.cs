using System.Security.Cryptography;

namespace Entente.IntegrationTests.Infrastructure;

/// <summary>An authenticator app, as the tests need one: RFC 6238 codes (HMAC-SHA1, 30 seconds, 6 digits) from a base32 key.</summary>
public static class Totp
{
    private static readonly Dictionary<string, long> LastHandedOut = new(StringComparer.Ordinal);

    private static readonly Lock Gate = new();

    /// <summary>
    /// A sign-in code of the key that has not been handed out before: the program takes a code once, and
    /// accepts those of the step before and the next two 30-second steps too; codes are handed out from the
    /// current step on, so a test signs the same account in up to three times in a step without waiting.
    /// </summary>
    public static async Task<string> UnusedSignInCodeAsync(string base32Key)
    {
        while (true)
        {
            long? step = null;
            lock (Gate)
            {
                var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
                // From the current step on, never the one before: a code of the step before can fall out of the program's window
                // (the step before and the two after) while it is typed and posted, at a step boundary.
                var next = LastHandedOut.TryGetValue(base32Key, out var last) ? Math.Max(now, last + 1) : now;
                if (next <= now + 2)
                {
                    LastHandedOut[base32Key] = next;
                    step = next;
                }
            }

            if (step is { } unused)
            {
                return Code(base32Key, DateTimeOffset.FromUnixTimeSeconds(unused * 30));
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    public static string Code(string base32Key, DateTimeOffset at)
    {
        var counter = at.ToUnixTimeSeconds() / 30;
        var message = BitConverter.GetBytes(counter);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(message);
        }

        var hash = HMACSHA1.HashData(Base32(base32Key), message);
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var value = 0;
        var output = new List<byte>();
        foreach (var c in text.TrimEnd('=').ToUpperInvariant())
        {
            value = (value << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)(value >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. output];
    }
}
