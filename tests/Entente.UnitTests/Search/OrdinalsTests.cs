using Entente.Data.Search;

namespace Entente.UnitTests.Search;

public sealed class OrdinalsTests
{
    [Theory]
    [InlineData(1, "first", "الأولى")]
    [InlineData(10, "tenth", "العاشرة")]
    [InlineData(11, "eleventh", "الحادية عشرة")]
    [InlineData(16, "sixteenth", "السادسة عشرة")]
    [InlineData(20, "twentieth", "العشرين")]
    [InlineData(21, "twenty-first", "الحادية والعشرين")]
    [InlineData(47, "forty-seventh", "السابعة والأربعين")]
    public void ASessionNumber_IsWrittenAsReleasesWriteIt(int number, string english, string arabic)
    {
        Assert.Equal(english, Ordinals.English(number));
        Assert.Equal(arabic, Ordinals.Arabic(number));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(-3)]
    public void ANumberOutOfOneToNinetyNine_HasNoWords(int number)
    {
        Assert.Null(Ordinals.English(number));
        Assert.Null(Ordinals.Arabic(number));
    }
}
