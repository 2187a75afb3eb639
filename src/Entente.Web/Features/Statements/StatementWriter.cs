using System.Globalization;
using System.Text;
using Entente.Domain;

namespace Entente.Web.Features.Statements;

/// <summary>
/// Writes a session's joint statement (<c>GenerateStatement</c>) from its facts, in Arabic and in
/// English, each in its own press style rather than one translated from the other: the Arabic in
/// the manner of KUNA's releases (Western digits, "الدورة الـ16", Gulf month names), the English
/// as a UK press office would put it. Paragraphs are separated by a blank line; the text is a
/// draft for the secretariats to edit, approve and publish.
/// </summary>
public static class StatementWriter
{
    private static readonly string[] ArabicMonths = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"];
    private static readonly string[] ArabicDays = ["الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"];

    public static BilingualText Write(SessionFacts f) => new(Arabic(f), English(f));

    private static string Arabic(SessionFacts f)
    {
        var paragraphs = new List<string>();
        var lead = new StringBuilder();
        // The verbs and pronouns follow the body's noun: «اختتمت المجموعة … دورتها», «اختتم الحوار … دورته».
        var masculine = f.BodyGender == ArabicGender.Masculine;
        var its = masculine ? "ه" : "ها";
        lead.Append(f.Status == SessionStatus.Concluded ? (masculine ? "اختتم " : "اختتمت ") : (masculine ? "عقد " : "عقدت ")).Append(f.Body.Ar);
        if (f.MeetingDate?.AsDate is { } day)
        {
            lead.Append(" يوم ").Append(ArabicDays[(int)day.DayOfWeek]).Append(' ').Append(ArabicDate(PartialDate.Of(day)));
        }

        lead.Append(f.Status == SessionStatus.Concluded ? " أعمال دورت" + its + " الـ" : " دورت" + its + " الـ").Append(Num(f.Number));
        if (f.Year is { } year)
        {
            lead.Append(" لعام ").Append(Num(year));
        }

        if (f.Theme is { } theme)
        {
            lead.Append(" تحت شعار «").Append(Trim(theme.Ar)).Append('»');
        }

        if (f.StartsOn is not null && f.EndsOn is not null && f.StartsOn != f.EndsOn)
        {
            lead.Append("، التي جرت مباحثاتها في الفترة من ").Append(ArabicDate(f.StartsOn)).Append(" إلى ").Append(ArabicDate(f.EndsOn));
        }
        else if (f.MeetingDate?.AsDate is null && OnlyDate(f) is { } only)
        {
            // A session of one day, or of a month alone, says when it was.
            lead.Append(only.Day is null ? " في " : " يوم ").Append(ArabicDate(only.Year == f.Year ? only with { Inferred = only.Inferred | DateParts.Year } : only));
        }

        if (f.MeetingFormat is { } format)
        {
            lead.Append("، وذلك في اجتماع" + its + " الختامي الذي عقد ").Append(format switch
            {
                MeetingFormat.VideoConference => "عبر تقنية الاتصال المرئي",
                MeetingFormat.Hybrid => "بالحضور المباشر وعبر تقنية الاتصال المرئي",
                _ => f.MeetingPlace is { } place ? "في " + place.Ar : "بالحضور المباشر",
            });
        }

        if (f.CoChairs.Count > 0)
        {
            lead.Append(" برئاسة ").Append(string.Join("، و", f.CoChairs.Select(c => $"{FullArabic(c)} عن {c.Party.Ar}")));
        }

        paragraphs.Add(lead.Append('.').ToString());

        var review = new StringBuilder();
        if (f.RelationsYears is { } years)
        {
            review.Append("وأشاد الجانبان بما يجمع البلدين من علاقات ثنائية تاريخية مميزة ممتدة لما يزيد عن ").Append(Num(years)).Append(" عاما، واستعرضا ");
        }
        else if (f.HistoryNote is { } history)
        {
            review.Append("وأشاد الجانبان بما يجمع البلدين من ").Append(Trim(history.Ar)).Append("، واستعرضا ");
        }
        else
        {
            review.Append("واستعرض الجانبان ");
        }

        review.Append("أوجه التعاون الثنائي في شتى المجالات، ولا سيما ").Append(ArabicTrackList(f.Tracks)).Append('.');
        paragraphs.Add(review.ToString());
        if (f.GeneralPoints.Count > 0)
        {
            paragraphs.Add(PointsArabic(null, f.GeneralPoints));
        }

        foreach (var track in f.Tracks)
        {
            var sentence = PointsArabic(track.Name, track.Points);
            foreach (var sub in track.SubTracks)
            {
                sentence += " " + PointsArabic(sub.Name, sub.Points);
            }

            if (sentence.Trim().Length > 0)
            {
                paragraphs.Add(sentence.Trim());
            }
        }

        if (f.SignedAtSession.Count > 0)
        {
            paragraphs.Add($"وشهدت الدورة التوقيع على {JoinArabic(f.SignedAtSession.Select(a => Trim(a.Title.Ar)))}.");
        }

        var (signed, negotiating, proposed) = f.AgreementsByStage();
        if (signed.Count + negotiating.Count + proposed.Count > 0)
        {
            var text = new StringBuilder("وفيما يخص الاتفاقيات ومذكرات التفاهم");
            if (signed.Count > 0)
            {
                text.Append("، أكد الجانبان العمل على تفعيل ما وقع منها، ومن ذلك ").Append(JoinArabic(signed.Select(a => a.Title.Ar)));
            }

            if (negotiating.Count > 0)
            {
                text.Append(signed.Count > 0 ? "، كما بحثا" : "، بحث الجانبان").Append(" ما هو قيد التفاوض، وهو ").Append(JoinArabic(negotiating.Select(a => a.Title.Ar)));
            }

            if (proposed.Count > 0)
            {
                text.Append("، فيما طرح مقترح ").Append(JoinArabic(proposed.Select(a => a.Title.Ar)));
            }

            paragraphs.Add(text.Append('.').ToString());
        }

        foreach (var i in f.Indicators)
        {
            var source = i.Source is null ? string.Empty : $" (المصدر: {RightToLeftAfter(i.Source)}{(i.SourceDate is null ? string.Empty : "، " + ArabicDate(i.SourceDate, withInferredYear: true))})";
            // The verbal noun agrees with any name: «لبلوغ حجم التبادل …», «لبلوغ الاستثمارات …».
            paragraphs.Add($"وأعرب الجانبان عن ارتياحهما لبلوغ {Trim(i.Name.Ar)} {ArabicFigure(i, f.Parties.Count)}{ArabicPeriod(i)}{source}.");
        }

        var (planned, ongoing, held) = f.EngagementsByStage();
        if (held.Count > 0)
        {
            // What took place already is told as done, with its days.
            paragraphs.Add("ونوّه الجانبان بتنظيم " + JoinArabic(held.Select(e => Trim(e.Title.Ar) + ArabicSpan(e))) + ".");
        }

        if (planned.Count + ongoing.Count > 0)
        {
            var text = new StringBuilder();
            if (planned.Count > 0)
            {
                text.Append("واتفق الجانبان على تنظيم ").Append(JoinArabic(planned.Select(e => Trim(e.Title.Ar) + ArabicSpan(e))));
            }

            if (ongoing.Count > 0)
            {
                text.Append(planned.Count > 0 ? "، إلى جانب مواصلة " : "وأكد الجانبان مواصلة ").Append(JoinArabic(ongoing.Select(e => Trim(e.Title.Ar))));
            }

            paragraphs.Add(text.Append('.').ToString());
        }

        foreach (var plan in f.SignedPlans)
        {
            var signers = plan.Signatories.Count > 0 ? plan.Signatories : f.CoChairs;
            paragraphs.Add($"وفي ختام الاجتماع، وقع {(signers.Count == 2 ? "الرئيسان" : "الرؤساء")} {JoinArabic(signers.Select(s => ShortArabic(s)))} على {Trim(plan.Title.Ar)}.");
        }

        if (f.Next is { } next)
        {
            var place = next.PlaceKind switch
            {
                PlaceKind.OneOfTheCapitals => "في إحدى العاصمتين" + (Capitals(next.PlaceName?.Ar) is { } c ? $" ({c})" : string.Empty),
                PlaceKind.City when next.PlaceName is not null => "في " + next.PlaceName.Ar,
                PlaceKind.Virtual => "عبر تقنية الاتصال المرئي",
                _ => "في مكان يتفق عليه",
            };
            var when = next.StartsOn is null ? "، على أن يحدد موعده لاحقا" : next.StartsOn.Month is null ? " في عام " + ArabicDate(next.StartsOn, withInferredYear: true) : " في " + ArabicDate(next.StartsOn);
            paragraphs.Add($"واتفق الجانبان على عقد الاجتماع الـ{Num(next.Number)} {Lam(f.Body.Ar)} {place}{when}.");
        }

        return string.Join("\n\n", paragraphs);
    }

    private static string English(SessionFacts f)
    {
        var paragraphs = new List<string>();
        var lead = new StringBuilder("The ").Append(f.Body.En)
            .Append(f.Status == SessionStatus.Concluded ? " concluded its " : " held its ").Append(Ordinal(f.Number)).Append(" session");
        if (f.Year is { } year)
        {
            lead.Append(" of ").Append(Num(year));
        }

        if (f.Theme is { } theme)
        {
            lead.Append(" under the theme “").Append(Trim(theme.En)).Append('”');
        }

        if (f.MeetingDate?.AsDate is { } day)
        {
            lead.Append(" on ").Append(day.DayOfWeek.ToString()).Append(' ').Append(EnglishDate(PartialDate.Of(day)));
        }

        if (f.StartsOn is not null && f.EndsOn is not null && f.StartsOn != f.EndsOn)
        {
            lead.Append(", after talks held from ").Append(EnglishDate(f.StartsOn)).Append(" to ").Append(EnglishDate(f.EndsOn));
        }
        else if (f.MeetingDate?.AsDate is null && OnlyDate(f) is { } only)
        {
            lead.Append(only.Day is null ? " in " : " on ").Append(EnglishDate(only.Year == f.Year ? only with { Inferred = only.Inferred | DateParts.Year } : only));
        }

        lead.Append('.');
        if (f.MeetingFormat is { } format)
        {
            lead.Append(" The closing meeting was held ").Append(format switch
            {
                MeetingFormat.VideoConference => "by video conference",
                MeetingFormat.Hybrid => "in person and by video conference",
                _ => f.MeetingPlace is { } place ? "in " + place.En : "in person",
            });
            if (f.CoChairs.Count > 0)
            {
                lead.Append(" and co-chaired by ").Append(JoinEnglish(f.CoChairs.Select(c => $"{FullEnglish(c)}, for {The(c.Party.En)}")));
            }

            lead.Append('.');
        }

        paragraphs.Add(lead.ToString());

        var review = new StringBuilder("The two sides ");
        if (f.RelationsYears is { } years)
        {
            review.Append("paid tribute to a distinguished, historic bilateral relationship spanning more than ").Append(Num(years)).Append(" years, and ");
        }
        else if (f.HistoryNote is { } history)
        {
            review.Append("paid tribute to ").Append(Lower(Trim(history.En), f)).Append(", and ");
        }

        review.Append("reviewed bilateral cooperation across all fields, in particular ").Append(JoinEnglish(f.Tracks.Select(t => Lower(t.Name.En, f)))).Append('.');
        paragraphs.Add(review.ToString());

        if (f.GeneralPoints.Count > 0)
        {
            paragraphs.Add(PointsEnglish(null, f.GeneralPoints, f));
        }

        foreach (var track in f.Tracks)
        {
            var sentence = PointsEnglish(track.Name, track.Points, f);
            foreach (var sub in track.SubTracks)
            {
                sentence += " " + PointsEnglish(sub.Name, sub.Points, f);
            }

            if (sentence.Trim().Length > 0)
            {
                paragraphs.Add(sentence.Trim());
            }
        }

        if (f.SignedAtSession.Count > 0)
        {
            paragraphs.Add($"During the session, the two sides signed the {JoinEnglish(f.SignedAtSession.Select(a => Trim(a.Title.En)))}.");
        }

        var (signed, negotiating, proposed) = f.AgreementsByStage();
        if (signed.Count + negotiating.Count + proposed.Count > 0)
        {
            var sentences = new List<string>();
            if (signed.Count > 0)
            {
                sentences.Add($"The two sides committed to activating the agreements and memoranda of understanding already signed, among them the {JoinEnglish(signed.Select(a => a.Title.En))}.");
            }

            if (negotiating.Count > 0)
            {
                sentences.Add($"They also discussed the texts under negotiation: the {JoinEnglish(negotiating.Select(a => a.Title.En), "; the ", "; and the ")}.");
            }

            if (proposed.Count > 0)
            {
                var names = JoinEnglish(proposed.Select(a => a.Title.En));
                sentences.Add($"{(names.Length > 0 && "AEIOU".Contains(names[0], StringComparison.Ordinal) ? "An" : "A")} {names} {(proposed.Count > 1 ? "have" : "has")} been proposed.");
            }

            paragraphs.Add(string.Join(" ", sentences));
        }

        foreach (var i in f.Indicators)
        {
            var source = i.Source is null ? string.Empty : $" (source: {i.Source}{(i.SourceDate is null ? string.Empty : ", " + EnglishDate(i.SourceDate, withInferredYear: true))})";
            paragraphs.Add($"The two sides welcomed {Lower(Trim(i.Name.En), f)} of {EnglishFigure(i)}{EnglishPeriod(i)}{source}.");
        }

        var (planned, ongoing, held) = f.EngagementsByStage();
        if (held.Count > 0)
        {
            paragraphs.Add($"The two sides noted that {JoinEnglish(held.Select(e => "the " + Lower(Trim(e.Title.En), f) + EnglishSpan(e)), "; ", "; and ")} {(held.Count == 1 ? "was" : "were")} held.");
        }

        if (planned.Count + ongoing.Count > 0)
        {
            var sentences = new List<string>();
            if (planned.Count > 0)
            {
                sentences.Add($"The two sides agreed to hold {JoinEnglish(planned.Select(e => "the " + Lower(Trim(e.Title.En), f) + EnglishSpan(e)), "; ", "; and ")}.");
            }

            if (ongoing.Count > 0)
            {
                sentences.Add($"{(planned.Count > 0 ? "They will also continue" : "The two sides will continue")} {JoinEnglish(ongoing.Select(e => "the " + Lower(Trim(e.Title.En), f)))}.");
            }

            paragraphs.Add(string.Join(" ", sentences));
        }

        foreach (var plan in f.SignedPlans)
        {
            var signers = plan.Signatories.Count > 0 ? plan.Signatories : f.CoChairs;
            paragraphs.Add($"At the close of the meeting, the co-chairs, {JoinEnglish(signers.Select(ShortEnglish))}, signed the {Trim(plan.Title.En)}.");
        }

        if (f.Next is { } next)
        {
            var place = next.PlaceKind switch
            {
                PlaceKind.OneOfTheCapitals => "in one of the two capitals" + (Capitals(next.PlaceName?.En) is { } c ? $" ({c})" : string.Empty),
                PlaceKind.City when next.PlaceName is not null => "in " + next.PlaceName.En,
                PlaceKind.Virtual => "by video conference",
                _ => "at a place to be agreed",
            };
            var when = next.StartsOn is null ? ", on a date to be set" : (next.StartsOn.Day is null ? " in " : " on ") + EnglishDate(next.StartsOn, withInferredYear: true);
            paragraphs.Add($"The two sides agreed to hold the {Ordinal(next.Number)} meeting of the {f.Body.En} {place}{when}.");
        }

        return string.Join("\n\n", paragraphs);
    }

    /// <summary>
    /// A track's points as Arabic sentences: «وفي مجال …، بحث الجانبان …» for the first, «كما أشاد
    /// الجانب الكويتي بـ…» for the next; each verb with its own preposition, the subject the two
    /// sides or the one side that said it.
    /// </summary>
    private static string PointsArabic(BilingualText? track, IReadOnlyList<PointFacts> points)
    {
        var sentences = new List<string>();
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            var subject = p.Side is null ? "الجانبان" : SideArabic(p.Side.Ar);
            var clause = p.Kind switch
            {
                PointKind.Discussed => $"بحث {subject} {Trim(p.Text.Ar)}",
                PointKind.Reviewed => $"استعرض {subject} {Trim(p.Text.Ar)}",
                PointKind.Agreed => $"اتفق {subject} على {Trim(p.Text.Ar)}",
                PointKind.Decided => $"قرر {subject} {Trim(p.Text.Ar)}",
                PointKind.Affirmed => $"أكد {subject} {Trim(p.Text.Ar)}",
                PointKind.Welcomed => $"رحب {subject} ب{Trim(p.Text.Ar)}",
                PointKind.Noted => $"أشار {subject} إلى {Trim(p.Text.Ar)}",
                PointKind.Praised => $"أشاد {subject} ب{Trim(p.Text.Ar)}",
                _ => $"أعرب {subject} عن {(p.Side is null ? "تطلعهما" : "تطلعه")} إلى {Trim(p.Text.Ar)}",
            };
            var opening = i == 0 ? (track is null ? "و" : $"وفي مجال {Trim(track.Ar)}، ") : "كما ";
            sentences.Add(opening + clause + ".");
        }

        return string.Join(' ', sentences);
    }

    /// <summary>"On trade, the two sides discussed …. The Kuwaiti side also commended …".</summary>
    private static string PointsEnglish(BilingualText? track, IReadOnlyList<PointFacts> points, SessionFacts f)
    {
        var sentences = new List<string>();
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            var subject = p.Side is null ? "the two sides" : The(p.Side.En);
            var verb = p.Kind switch
            {
                PointKind.Discussed => "discussed",
                PointKind.Reviewed => "reviewed",
                PointKind.Agreed => "agreed on",
                PointKind.Decided => "decided on",
                PointKind.Affirmed => "affirmed",
                PointKind.Welcomed => "welcomed",
                PointKind.Noted => "noted",
                PointKind.Praised => "commended",
                _ => "looked forward to",
            };
            var text = Lower(Trim(p.Text.En), f);
            sentences.Add(i == 0
                ? (track is null ? $"{Upper(subject)} {verb} {text}." : $"On {Lower(Trim(track.En), f)}, {subject} {verb} {text}.")
                : $"{Upper(subject)} also {verb} {text}.");
        }

        return string.Join(' ', sentences);
    }

    /// <summary>«الجانب الكويتي» as given, or «جانب دولة الكويت» out of a party's name.</summary>
    private static string SideArabic(string side) => side.StartsWith("الجانب", StringComparison.Ordinal) ? side : "جانب " + side;

    private static string Upper(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>"التعاون السياسي والعسكري…": names that share the word "التعاون" are merged, the others follow.</summary>
    private static string ArabicTrackList(IReadOnlyList<TrackFacts> tracks)
    {
        const string Cooperation = "التعاون ";
        var shared = tracks.Where(t => t.Name.Ar.StartsWith(Cooperation, StringComparison.Ordinal)).Select(t => t.Name.Ar[Cooperation.Length..]).ToList();
        var others = tracks.Where(t => !t.Name.Ar.StartsWith(Cooperation, StringComparison.Ordinal)).Select(t => t.Name.Ar).ToList();
        var parts = new List<string>();
        if (shared.Count > 0)
        {
            parts.Add(Cooperation + string.Join(" و", shared));
        }

        parts.AddRange(others);
        return JoinArabic(parts);
    }

    private static string FullArabic(NamedPerson p) => string.Join(' ', new[] { p.Title.Ar, p.Honorific?.Ar, p.Name.Ar }.Where(s => !string.IsNullOrWhiteSpace(s)));

    private static string ShortArabic(NamedPerson p) => string.Join(' ', new[] { p.Honorific?.Ar, p.Name.Ar }.Where(s => !string.IsNullOrWhiteSpace(s)));

    private static string FullEnglish(NamedPerson p) => ShortEnglish(p) + ", " + p.Title.En;

    private static string ShortEnglish(NamedPerson p) => string.Join(' ', new[] { p.Honorific?.En, p.Name.En, p.PostNominals }.Where(s => !string.IsNullOrWhiteSpace(s)));

    /// <summary>"لمجموعة التوجيه…", "للجنة…": the preposition لـ joined to a name as Arabic writes it.</summary>
    private static string Lam(string name) => name.StartsWith("ال", StringComparison.Ordinal) ? "لل" + name[2..] : "ل" + name;

    /// <summary>"Kuwait City or London" out of "One of the two capitals: Kuwait City or London".</summary>
    private static string? Capitals(string? placeName) =>
        placeName?.IndexOf(':', StringComparison.Ordinal) is int i and >= 0 ? placeName[(i + 1)..].Trim() : null;

    private static string The(string party) => party.StartsWith("State of", StringComparison.Ordinal) || party.StartsWith("United", StringComparison.Ordinal) || party.StartsWith("Republic", StringComparison.Ordinal) || party.StartsWith("Kingdom", StringComparison.Ordinal) || party.StartsWith("Sultanate", StringComparison.Ordinal) ? "the " + party : party;

    private static string JoinArabic(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count switch
        {
            <= 1 => string.Concat(list),
            2 => list[0] + " و" + list[1],
            _ => string.Join("، و", list),
        };
    }

    private static string JoinEnglish(IEnumerable<string> items, string separator = ", ", string last = " and ")
    {
        var list = items.ToList();
        return list.Count switch
        {
            0 => string.Empty,
            1 => list[0],
            2 => list[0] + (last == " and " ? " and " : last) + list[1],
            _ => string.Join(separator, list[..^1]) + (last == " and " ? ", and " : last) + list[^1],
        };
    }

    /// <summary>Lower-cases the first letter, unless the first word is a proper name of the body (a party, an institution, a demonym) or an acronym.</summary>
    private static string Lower(string text, SessionFacts f)
    {
        if (text.Length < 2 || !char.IsUpper(text[0]))
        {
            return text;
        }

        var word = new string([.. text.TakeWhile(char.IsLetter)]);
        // A name in title case ("Trade and Investment Week") is a proper name, kept whole.
        var longWords = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 3 && char.IsLetter(w[0])).ToList();
        var titleCase = longWords.Count > 1 && longWords.All(w => char.IsUpper(w[0]));
        return titleCase || f.ProperWords.Contains(word) || (word.Length > 1 && word.All(char.IsUpper)) ? text : char.ToLowerInvariant(text[0]) + text[1..];
    }

    /// <summary>
    /// A name that may end in Latin letters or digits (KUNA, FCDO), made to end right to left inside Arabic text: a
    /// right-to-left mark after it, so that the Arabic comma and the date's digits that follow stay with the Arabic
    /// («(المصدر: KUNA، 23 نوفمبر 2020)» would otherwise read with the day cut from its month).
    /// </summary>
    private static string RightToLeftAfter(string name) =>
        name.Length > 0 && (char.IsAsciiLetterOrDigit(name[^1]) || name[^1] == ')') ? name + "\u200F" : name;

    private static string Trim(string text) => text.Trim().TrimEnd('.', '。', '؛').Trim();

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>"16th", "21st", "112th".</summary>
    public static string Ordinal(int n) => Num(n) + ((n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });

    /// <summary>A date as stated: a year that was only inferred is left out (the release said "from 31 July to 1 September").</summary>
    private static string ArabicDate(PartialDate d, bool withInferredYear = false)
    {
        var parts = new List<string>();
        if (d.Day is { } day)
        {
            parts.Add(Num(day));
        }

        if (d.Month is { } month)
        {
            parts.Add(ArabicMonths[month - 1]);
        }

        if (d.Year is { } year && (withInferredYear || !d.Inferred.HasFlag(DateParts.Year)))
        {
            parts.Add(Num(year));
        }

        return string.Join(' ', parts);
    }

    private static string EnglishDate(PartialDate d, bool withInferredYear = false)
    {
        var parts = new List<string>();
        if (d.Day is { } day)
        {
            parts.Add(Num(day));
        }

        if (d.Month is { } month)
        {
            parts.Add(CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month));
        }

        if (d.Year is { } year && (withInferredYear || !d.Inferred.HasFlag(DateParts.Year)))
        {
            parts.Add(Num(year));
        }

        return string.Join(' ', parts);
    }

    /// <summary>
    /// The session's one date when it shows no range and no meeting day: a day, or a month; a year
    /// alone is already said with the session ("of 2022"). Its year is left out when it is the session's.
    /// </summary>
    private static PartialDate? OnlyDate(SessionFacts f) => (f.StartsOn, f.EndsOn) switch
    {
        ({ } start, { } end) when start == end => start.Month is null ? null : start,
        ({ } start, null) => start.Month is null ? null : start,
        (null, { } end) => end.Month is null ? null : end,
        _ => null,
    };

    /// <summary>" (4 نوفمبر)", " (من 19 إلى 23 نوفمبر 2023)", or nothing: an engagement's days as known.</summary>
    private static string ArabicSpan(EngagementFacts e) => e.StartsOn switch
    {
        null => string.Empty,
        { } start when e.EndsOn is { } end && end != start => $" (من {ArabicDate(start)} إلى {ArabicDate(end)})",
        { } start => $" ({ArabicDate(start)})",
    };

    /// <summary>" (4 November)", " (19–23 November 2023)", " (30 October – 2 November 2023)", or nothing.</summary>
    private static string EnglishSpan(EngagementFacts e) => e.StartsOn switch
    {
        null => string.Empty,
        { Day: { } first } start when e.EndsOn is { Day: not null } end && end != start && end.Month == start.Month && end.Year == start.Year => $" ({Num(first)}–{EnglishDate(end)})",
        { } start when e.EndsOn is { } end && end != start => $" ({EnglishDate(start)} – {EnglishDate(end)})",
        { } start => $" ({EnglishDate(start)})",
    };

    private static bool IsCalendarYear(IndicatorFacts i) => i.PeriodStart is { Month: 1, Day: 1 } start && i.PeriodEnd is { Month: 12, Day: 31 } end && start.Year == end.Year;

    /// <summary>" في عام 2019", " في نوفمبر 2019", " خلال الفترة من … إلى …", or nothing when the period is not known.</summary>
    private static string ArabicPeriod(IndicatorFacts i) => i switch
    {
        { Period: { Month: not null, Day: null } p } => " في " + ArabicDate(p, withInferredYear: true),
        _ when IsCalendarYear(i) => " في عام " + Num(i.PeriodStart!.Value.Year),
        { PeriodStart: { } start, PeriodEnd: { } end } when start == end => " في " + ArabicDate(PartialDate.Of(start)),
        { PeriodStart: { } start, PeriodEnd: { } end } => $" خلال الفترة من {ArabicDate(PartialDate.Of(start))} إلى {ArabicDate(PartialDate.Of(end))}",
        _ => string.Empty,
    };

    private static string EnglishPeriod(IndicatorFacts i) => i switch
    {
        { Period: { Month: not null, Day: null } p } => " in " + EnglishDate(p, withInferredYear: true),
        _ when IsCalendarYear(i) => " in " + Num(i.PeriodStart!.Value.Year),
        { PeriodStart: { } start, PeriodEnd: { } end } when start == end => " on " + EnglishDate(PartialDate.Of(start)),
        { PeriodStart: { } start, PeriodEnd: { } end } => $" between {EnglishDate(PartialDate.Of(start))} and {EnglishDate(PartialDate.Of(end))}",
        _ => string.Empty,
    };

    private static string ArabicQualifier(FigureQualifier q) => q switch
    {
        FigureQualifier.About => "نحو ",
        FigureQualifier.Over => "أكثر من ",
        FigureQualifier.AtLeast => "ما لا يقل عن ",
        FigureQualifier.UpTo => "ما يصل إلى ",
        FigureQualifier.Under => "أقل من ",
        _ => string.Empty,
    };

    private static string EnglishQualifier(FigureQualifier q) => q switch
    {
        FigureQualifier.About => "about ",
        FigureQualifier.Over => "over ",
        FigureQualifier.AtLeast => "at least ",
        FigureQualifier.UpTo => "up to ",
        FigureQualifier.Under => "under ",
        _ => string.Empty,
    };

    private static (decimal Scaled, string? Ar, string? En) Scale(decimal value) => Math.Abs(value) switch
    {
        >= 1_000_000_000m => (value / 1_000_000_000m, "مليار", "billion"),
        >= 1_000_000m => (value / 1_000_000m, "مليون", "million"),
        _ => (value, null, null),
    };

    /// <summary>A figure with its thousands grouped (600,000) and two decimals at most.</summary>
    private static string Decimal(decimal value) => Math.Round(value, 2).ToString("#,0.##", CultureInfo.InvariantCulture);

    private static string ArabicFigure(IndicatorFacts i, int parties)
    {
        var (scaled, word, _) = Scale(i.Value);
        // From three to ten, Arabic counts in the plural: «4 مليارات», «3 ملايين».
        if (scaled == Math.Round(scaled) && Math.Abs(scaled) is >= 3 and <= 10)
        {
            word = word switch { "مليار" => "مليارات", "مليون" => "ملايين", _ => word };
        }

        var unit = i.Unit switch
        {
            "GBP" => "جنيه إسترليني",
            "KWD" => "دينار كويتي",
            "USD" => "دولار أمريكي",
            "EUR" => "يورو",
            "%" => "بالمئة",
            // Counted things, in the singular Arabic uses after numbers above ten.
            "students" => "طالب",
            "scholarships" => "منحة دراسية",
            "visitors" => "زائر",
            "projects" => "مشروع",
            "people" => "شخص",
            "workers" => "عامل",
            "jobs" => "فرصة عمل",
            "companies" => "شركة",
            "tourists" => "سائح",
            "patients" => "مريض",
            "trainees" => "متدرب",
            "teachers" => "معلم",
            "schools" => "مدرسة",
            "flights" => "رحلة",
            "visas" => "تأشيرة",
            _ => i.Unit,
        };
        return ArabicQualifier(i.Qualifier) + string.Join(' ', new[] { Decimal(scaled), word, unit }.Where(s => !string.IsNullOrEmpty(s))) + (i.Each ? (parties == 2 ? " لكل منهما" : " لكل طرف") : string.Empty);
    }

    private static string EnglishFigure(IndicatorFacts i)
    {
        var (scaled, _, word) = Scale(i.Value);
        var symbol = i.Unit switch { "GBP" => "£", "USD" => "$", "EUR" => "€", _ => null };
        var number = Decimal(scaled) + (word is null ? string.Empty : " " + word);
        var figure = symbol is not null ? symbol + number : i.Unit == "%" ? number + "%" : number + " " + i.Unit;
        return EnglishQualifier(i.Qualifier) + figure + (i.Each ? " each" : string.Empty);
    }
}
