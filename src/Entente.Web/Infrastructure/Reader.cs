using System.Globalization;
using System.Text;
using Entente.Data;
using Entente.Domain;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Infrastructure;

/// <summary>
/// The person reading a page: their language (and so the direction of the page), their calendar
/// (Gregorian by default, Hijri Umm al-Qura as an option) and their digits. Everything a page
/// shows of a date, a figure or a bilingual text goes through here; storage stays invariant.
/// </summary>
public sealed class Reader(IHttpContextAccessor http, AppDbContext db, Microsoft.Extensions.Localization.IStringLocalizer<SharedResources> text, IConfiguration configuration)
{
    /// <summary>The names of the zones offered by name (the rest read by their IANA city), in Arabic and English.</summary>
    private static readonly Dictionary<string, (string Ar, string En)> ZoneNames = new(StringComparer.Ordinal)
    {
        ["Asia/Kuwait"] = ("الكويت", "Kuwait"),
        ["Asia/Riyadh"] = ("الرياض", "Riyadh"),
        ["Asia/Bahrain"] = ("البحرين", "Bahrain"),
        ["Asia/Qatar"] = ("الدوحة", "Doha"),
        ["Asia/Dubai"] = ("دبي", "Dubai"),
        ["Asia/Muscat"] = ("مسقط", "Muscat"),
        ["Asia/Baghdad"] = ("بغداد", "Baghdad"),
        ["Asia/Amman"] = ("عمّان", "Amman"),
        ["Africa/Cairo"] = ("القاهرة", "Cairo"),
        ["Europe/London"] = ("لندن", "London"),
        ["Europe/Paris"] = ("باريس", "Paris"),
        ["Europe/Berlin"] = ("برلين", "Berlin"),
        ["Europe/Istanbul"] = ("إسطنبول", "Istanbul"),
        ["America/New_York"] = ("نيويورك", "New York"),
        ["Asia/Tokyo"] = ("طوكيو", "Tokyo"),
        ["UTC"] = ("التوقيت العالمي", "UTC"),
    };

    private static readonly CultureInfo ArabicGregorian = CultureInfo.GetCultureInfo("ar-KW");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    private static readonly UmAlQuraCalendar Hijri = new();

    private static readonly string[] HijriMonthsEn =
    [
        "Muharram", "Safar", "Rabi al-Awwal", "Rabi al-Thani", "Jumada al-Ula", "Jumada al-Akhirah",
        "Rajab", "Shaban", "Ramadan", "Shawwal", "Dhu al-Qidah", "Dhu al-Hijjah",
    ];

    private static readonly string[] HijriMonthsAr =
    [
        "محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة",
        "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة",
    ];

    private static readonly Dictionary<string, string> CurrenciesAr = new(StringComparer.Ordinal)
    {
        ["GBP"] = "جنيه إسترليني",
        ["KWD"] = "دينار كويتي",
        ["USD"] = "دولار أمريكي",
        ["EUR"] = "يورو",
        ["SAR"] = "ريال سعودي",
        ["AED"] = "درهم إماراتي",
    };

    public bool IsArabic => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ar";

    /// <summary>The page's <c>lang</c>.</summary>
    public string Language => IsArabic ? "ar" : "en";

    /// <summary>The page's <c>dir</c>.</summary>
    public string Direction => IsArabic ? "rtl" : "ltr";

    public bool HijriDates { get; private set; }

    public bool ArabicIndicDigits { get; private set; }

    /// <summary>The IANA zone the reader reads times in: the account's choice, else the instance's (<c>Entente:TimeZone</c>), else UTC.</summary>
    public string TimeZone { get; private set; } = DefaultZone(configuration);

    /// <summary>The instance's zone, for readers who chose none.</summary>
    public string InstanceTimeZone => DefaultZone(configuration);

    private static string DefaultZone(IConfiguration configuration) =>
        configuration["Entente:TimeZone"] is { } zone && TimeZones.IsKnown(zone) ? zone : "UTC";

    /// <summary>The signed-in account's own choices (calendar, digits); a visitor keeps the defaults.</summary>
    public async Task LoadAsync(CancellationToken ct)
    {
        if (Auth.EntenteClaims.AccountOf(http.HttpContext?.User ?? new()) is not { } id)
        {
            return;
        }

        var prefs = await db.Users.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new { a.HijriDates, a.ArabicIndicDigits, a.TimeZone }).FirstOrDefaultAsync(ct);
        HijriDates = prefs?.HijriDates ?? false;
        ArabicIndicDigits = prefs?.ArabicIndicDigits ?? false;
        if (prefs?.TimeZone is { } zone && TimeZones.IsKnown(zone))
        {
            TimeZone = zone;
        }
    }

    /// <summary>The name of an enum value in the reader's language (resource <c>enum.&lt;Type&gt;.&lt;kebab-name&gt;</c>).</summary>
    public string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => Name(typeof(TEnum), EnumText.Policy.ConvertName(value.ToString()));

    /// <summary>The name of an enum value given by its kebab-case text (as the API writes it).</summary>
    public string Name(Type enumType, string kebab)
    {
        var found = text[$"enum.{enumType.Name}.{kebab}"];
        return found.ResourceNotFound ? kebab.Replace('-', ' ') : found.Value;
    }

    /// <summary>A field's value, from a record form, as the reader reads it.</summary>
    public string Show(FieldSpec field, RecordForm form, BodyChoices choices)
    {
        var value = form[field.Path];
        switch (field.Kind)
        {
            case FieldKind.Title or FieldKind.Prose:
                return Text(new TextDto(form[field.Path + ".ar"], form[field.Path + ".en"]));
            case FieldKind.Date:
                return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? Date(date) : value;
            case FieldKind.PartialDate:
                var parts = value.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).ToArray();
                return parts.Length == 0 || parts.Contains(0) ? value : Date(new PartialDate(parts[0], parts.Length > 1 ? parts[1] : null, parts.Length > 2 ? parts[2] : null));
            case FieldKind.Enum when field.EnumType is { } type && value.Length > 0:
                return Name(type, value);
            case FieldKind.Reference:
                return choices.Name(field.Choices, value) is { } name ? Text(name) : string.Empty;
            case FieldKind.References:
                return string.Join(IsArabic ? "، " : ", ", value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(id => choices.Name(field.Choices, id) is { } n ? Text(n) : id));
            case FieldKind.Number:
                // A number that names (a session's, a year, a position), not an amount: never grouped («2020», not «2,020»).
                return long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? Digits(number.ToString(CultureInfo.InvariantCulture)) : value;
            case FieldKind.Flag:
                return text[value == "true" ? "ui.yes" : value.Length == 0 && field.MayBeUnknown ? "ui.not-known" : "ui.no"];
            case FieldKind.Values:
                return string.Empty;
            case FieldKind.Time:
                // A meeting's start read in its own clock and, when it differs, in the reader's.
                if (TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
                    && DateOnly.TryParseExact(form["date"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                    && form["timeZone"] is { Length: > 0 } zone && TimeZones.IsKnown(zone))
                {
                    return MeetingTime(day, time, null, zone);
                }

                return Digits(value);
            case FieldKind.TimeZone:
                return value.Length == 0 ? string.Empty : Zone(value);
            case FieldKind.InstitutionRoles:
                return string.Join(IsArabic ? "، " : ", ", Enumerable.Range(0, form.Rows(field)).Select(field.InstitutionInputs).Where(i => form[i[0]].Length > 0).Select(i =>
                    $"{Text(choices.Name(field.Choices, form[i[0]]))} ({Name(typeof(AgreementInstitutionRole), form[i[1]])})"));
            case FieldKind.PeopleInRoles:
                return string.Join(" · ", Enumerable.Range(0, form.Rows(field)).Select(field.RoleInputs).Where(i => form[i[1]].Length > 0).Select(i =>
                    $"{Text(choices.Name(BodyChoices.PartiesSource, form[i[0]]))}: {Text(new TextDto(form[i[2]], form[i[3]]))} {Text(choices.Name(field.Choices, form[i[1]]))}".Trim()));
            default:
                return value;
        }
    }

    /// <summary>The reader's half of a bilingual text.</summary>
    public string Text(TextDto? text) => text is null ? string.Empty
        : (IsArabic ? text.Ar : text.En) is { Length: > 0 } own && !string.IsNullOrWhiteSpace(own) ? own
        : (IsArabic ? text.En : text.Ar) ?? string.Empty;

    /// <summary>The other language's half, for showing both where it helps.</summary>
    public string OtherText(TextDto? text) => text is null || string.IsNullOrWhiteSpace(IsArabic ? text.Ar : text.En) ? string.Empty : (IsArabic ? text.En : text.Ar) ?? string.Empty;

    /// <summary>A date as the reader reads it: "23 November 2025", "23 نوفمبر 2025", or in the Hijri calendar.</summary>
    public string Date(DateOnly date)
    {
        string text;
        if (HijriDates)
        {
            var at = date.ToDateTime(TimeOnly.MinValue);
            var (y, m, d) = (Hijri.GetYear(at), Hijri.GetMonth(at), Hijri.GetDayOfMonth(at));
            text = IsArabic
                ? string.Create(CultureInfo.InvariantCulture, $"{d} {HijriMonthsAr[m - 1]} {y} هـ")
                : string.Create(CultureInfo.InvariantCulture, $"{d} {HijriMonthsEn[m - 1]} {y} AH");
        }
        else
        {
            text = date.ToString("d MMMM yyyy", IsArabic ? ArabicGregorian : English);
        }

        return Digits(text);
    }

    public string Date(DateOnly? date) => date is { } d ? Date(d) : string.Empty;

    /// <summary>A date of which only some parts are known: "November 2025", "2025".</summary>
    public string Date(PartialDate? date)
    {
        if (date?.Year is not { } year)
        {
            return date?.ToString() ?? string.Empty;
        }

        if (date.Month is { } month && date.Day is { } day)
        {
            return Date(new DateOnly(year, month, day));
        }

        var culture = IsArabic ? ArabicGregorian : English;
        return Digits(date.Month is { } m ? new DateTime(year, m, 1).ToString("MMMM yyyy", culture) : year.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The period a figure covers, as people name it and in the Gregorian calendar figures are reported in (also for a
    /// reader of Hijri dates): a whole calendar year by its year ("2018"), whole months by their months ("March 2021",
    /// "September 2019 – August 2020"), any other period by its first and last days.
    /// </summary>
    public string Period(DateOnly start, DateOnly end)
    {
        if (start.Day == 1 && start.Month == 1 && end == new DateOnly(start.Year, 12, 31))
        {
            return Date(new PartialDate(start.Year, null, null));
        }

        if (start.Day == 1 && end.Day == DateTime.DaysInMonth(end.Year, end.Month) && end >= start)
        {
            var first = Date(new PartialDate(start.Year, start.Month, null));
            return start.Year == end.Year && start.Month == end.Month ? first : first + " – " + Date(new PartialDate(end.Year, end.Month, null));
        }

        string Gregorian(DateOnly day) => Digits(day.ToString("d MMMM yyyy", IsArabic ? ArabicGregorian : English));
        return start == end ? Gregorian(end) : Gregorian(start) + " – " + Gregorian(end);
    }

    public string Date(DateDto? date) => date?.Year is { } y ? Date(new PartialDate(y, date.Month, date.Day)) : string.Empty;

    /// <summary>An instant in the reader's calendar with its UTC time ("23 November 2025, 14:05 UTC").</summary>
    public string Instant(DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZones.Find(TimeZone));
        return Date(DateOnly.FromDateTime(local)) + (IsArabic ? "، " : ", ") + Digits(local.ToString("HH:mm", CultureInfo.InvariantCulture)) + " " + ZoneCity(TimeZone, bracketed: true);
    }

    /// <summary>A zone by its city and its offset from UTC now: «الكويت (UTC+03:00)», "London (UTC+00:00)".</summary>
    public string Zone(string zone)
    {
        if (!TimeZones.IsKnown(zone))
        {
            return zone;
        }

        var offset = TimeZones.Find(zone).GetUtcOffset(DateTime.UtcNow);
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var hours = offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);
        return zone == "UTC" ? ZoneCity(zone, false) : $"{ZoneCity(zone, false)} (\u2066UTC{sign}{hours}\u2069)";
    }

    /// <summary>A zone's city in the reader's language (the IANA city for one not named here).</summary>
    public string ZoneCity(string zone, bool bracketed)
    {
        var name = ZoneNames.TryGetValue(zone, out var known) ? (IsArabic ? known.Ar : known.En) : zone[(zone.LastIndexOf('/') + 1)..].Replace('_', ' ');
        return zone == "UTC" ? "UTC" : bracketed ? (IsArabic ? $"(بتوقيت {name})" : $"({name} time)") : name;
    }

    /// <summary>
    /// A meeting's time as its own clock reads it, and, when the reader's zone differs, as the reader's does:
    /// «١٠:٠٠–١٢:٣٠ (بتوقيت الكويت) · ٠٧:٠٠–٠٩:٣٠ (بتوقيت لندن)».
    /// </summary>
    public string MeetingTime(DateOnly day, TimeOnly starts, TimeOnly? ends, string zone)
    {
        string Span(TimeOnly a, TimeOnly? b) => Digits(a.ToString("HH:mm", CultureInfo.InvariantCulture) + (b is { } e ? "–" + e.ToString("HH:mm", CultureInfo.InvariantCulture) : string.Empty));
        var own = $"{Span(starts, ends)} {ZoneCity(zone, bracketed: true)}";
        if (!TimeZones.IsKnown(zone) || zone == TimeZone)
        {
            return own;
        }

        var source = TimeZones.Find(zone);
        var target = TimeZones.Find(TimeZone);
        DateTime Convert(TimeOnly t) => TimeZoneInfo.ConvertTime(day.ToDateTime(t, DateTimeKind.Unspecified), source, target);
        var start = Convert(starts);
        var end = ends is { } e2 ? Convert(e2) : (DateTime?)null;
        var mine = Span(TimeOnly.FromDateTime(start), end is { } x ? TimeOnly.FromDateTime(x) : null);
        var otherDay = DateOnly.FromDateTime(start) != day ? " " + Date(DateOnly.FromDateTime(start)) : string.Empty;
        return $"{own} · {mine}{otherDay} {ZoneCity(TimeZone, bracketed: true)}";
    }

    /// <summary>A whole number in the reader's digits.</summary>
    public string Number(long value) => Number((decimal)value);

    /// <summary>A figure in the reader's digits, grouped, with at most two decimals.</summary>
    public string Number(decimal value)
    {
        var text = value.ToString("#,0.##", CultureInfo.InvariantCulture);
        return ArabicIndicDigits ? Digits(text.Replace(',', '٬').Replace('.', '٫')) : text;
    }

    /// <summary>
    /// A figure with its unit, scaled to words for large amounts: "3.4 bn GBP",
    /// "3.4 مليار جنيه إسترليني".
    /// </summary>
    public string Figure(decimal value, string unit, bool isCurrency)
    {
        var (scaled, scale) = Math.Abs(value) switch
        {
            >= 1_000_000_000m => (value / 1_000_000_000m, IsArabic ? "مليار" : "bn"),
            >= 1_000_000m => (value / 1_000_000m, IsArabic ? "مليون" : "m"),
            _ => (value, string.Empty),
        };
        var unitText = isCurrency && IsArabic && CurrenciesAr.TryGetValue(unit, out var name) ? name : unit;
        var builder = new StringBuilder(Number(Math.Round(scaled, 2)));
        if (scale.Length > 0)
        {
            builder.Append(' ').Append(scale);
        }

        return builder.Append(' ').Append(unitText).ToString();
    }

    /// <summary>A file's size in the reader's language and digits: "840 KB", "2.4 MB" / "2٫4 ميغابايت".</summary>
    public string FileSize(long bytes) => bytes switch
    {
        >= 1024 * 1024 => Number(Math.Round(bytes / (1024m * 1024m), 1)) + (IsArabic ? " ميغابايت" : " MB"),
        >= 1024 => Number(Math.Round(bytes / 1024m)) + (IsArabic ? " كيلوبايت" : " KB"),
        _ => Number(bytes) + (IsArabic ? " بايت" : " bytes"),
    };

    /// <summary>Puts the reader's digits into a text made with ASCII digits (and the Arabic percent sign with them).</summary>
    public string Digits(string text)
    {
        if (!ArabicIndicDigits)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                >= '0' and <= '9' => (char)('\u0660' + (c - '0')),
                '%' => '\u066A',
                _ => c,
            });
        }

        return builder.ToString();
    }

    /// <summary>
    /// A count in words of the reader's language, from the string <paramref name="key"/> (its <c>{0}</c> the count)
    /// and, where the language says a count otherwise, <c>key.one</c>, <c>key.two</c> (Arabic's dual) and <c>key.few</c>
    /// (Arabic's plural of 3 to 10): «دقيقة واحدة», «دقيقتان», «١٠ دقائق», «١١ دقيقة»; "1 minute", "10 minutes".
    /// </summary>
    public string Count(long count, string key)
    {
        var form = count == 1 ? ".one" : IsArabic && count == 2 ? ".two" : IsArabic && count % 100 is >= 3 and <= 10 ? ".few" : string.Empty;
        var found = form.Length > 0 ? text[key + form] : null;
        var format = found is { ResourceNotFound: false } ? found.Value : text[key].Value;
        return string.Format(CultureInfo.InvariantCulture, format, Number(count));
    }
}
