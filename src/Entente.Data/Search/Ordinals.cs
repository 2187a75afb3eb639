namespace Entente.Data.Search;

/// <summary>
/// A session's number in words, as releases write it and people search for it: "sixteenth", "twenty-first";
/// «السادسة عشرة», «الحادية والعشرين» (feminine, as for «الدورة»). From 1 to 99; none beyond.
/// </summary>
public static class Ordinals
{
    private static readonly string[] Units = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"];

    private static readonly string[] Teens = ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"];

    private static readonly string[] TensOrdinal = ["twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"];

    private static readonly string[] Tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    private static readonly string[] UnitsAr = ["الأولى", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة", "الثامنة", "التاسعة"];

    /// <summary>The first of a compound («الحادية عشرة», «الحادية والعشرين»).</summary>
    private const string OneAr = "الحادية";

    private static readonly string[] TensAr = ["العشرين", "الثلاثين", "الأربعين", "الخمسين", "الستين", "السبعين", "الثمانين", "التسعين"];

    public static string? English(int n) => n switch
    {
        >= 1 and <= 9 => Units[n - 1],
        >= 10 and <= 19 => Teens[n - 10],
        >= 20 and <= 99 when n % 10 == 0 => TensOrdinal[(n / 10) - 2],
        >= 21 and <= 99 => Tens[(n / 10) - 2] + "-" + Units[(n % 10) - 1],
        _ => null,
    };

    public static string? Arabic(int n) => n switch
    {
        >= 1 and <= 9 => UnitsAr[n - 1],
        10 => "العاشرة",
        11 => OneAr + " عشرة",
        >= 12 and <= 19 => UnitsAr[n - 11] + " عشرة",
        >= 20 and <= 99 when n % 10 == 0 => TensAr[(n / 10) - 2],
        >= 21 and <= 99 => (n % 10 == 1 ? OneAr : UnitsAr[(n % 10) - 1]) + " و" + TensAr[(n / 10) - 2],
        _ => null,
    };
}
