using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Entente.Web.Infrastructure;

/// <summary>
/// Digits as people type them: Arabic-Indic (٠١٢٣٤٥٦٧٨٩) and Eastern Arabic-Indic (۰۱۲۳۴۵۶۷۸۹)
/// digits are read as their ASCII equivalents wherever the API accepts a date typed as text.
/// </summary>
public static class Digits
{
    public static string ToAscii(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')),
                >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')),
                _ => c,
            });
        }

        return builder.ToString();
    }
}

/// <summary>Reads and writes <see cref="DateOnly"/> as <c>yyyy-MM-dd</c>, accepting Arabic-Indic digits.</summary>
public sealed class DateOnlyJsonConverter : JsonConverter<DateOnly>
{
    public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        if (text is not null && DateOnly.TryParseExact(Digits.ToAscii(text.Trim()), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return Entente.Domain.Dates.IsPlausible(date)
                ? date
                : throw new JsonException("A date's year is out of range.", null, null, null, new ArgumentOutOfRangeException(nameof(text), $"A date's year is between {Entente.Domain.Dates.MinYear} and {Entente.Domain.Dates.MaxYear}."));
        }

        throw new JsonException("A date is written yyyy-MM-dd.", null, null, null, new FormatException("A date is written yyyy-MM-dd."));
    }

    public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}
