using Entente.Domain;

namespace Entente.UnitTests.Search;

public sealed class SearchTextTests
{
    [Theory]
    [InlineData("أحمد", "احمد")]
    [InlineData("إبراهيم", "ابراهيم")]
    [InlineData("آمنة", "امنه")]
    [InlineData("مصطفى", "مصطفي")]
    [InlineData("الجاراللّه", "الجارالله")]
    [InlineData("الـجارالله", "الجارالله")]
    [InlineData("مُحَمَّد", "محمد")]
    [InlineData("مسؤول", "مسوول")]
    [InlineData("هيئة", "هييه")]
    [InlineData("الدورة ١٦", "الدوره 16")]
    [InlineData("Al-Jarallah", "al jarallah")]
    [InlineData("  Gulf’s   Café ", "gulf s cafe")]
    public void Fold_ArabicAndLatinVariants_FoldAlike(string text, string folded)
    {
        Assert.Equal(folded, SearchText.Fold(text));
    }

    [Fact]
    public void Fold_KeepsWhatDistinguishesWords()
    {
        Assert.NotEqual(SearchText.Fold("سلام"), SearchText.Fold("سلم"));
        Assert.NotEqual(SearchText.Fold("تعاون"), SearchText.Fold("تعاوني"));
        Assert.Equal(string.Empty, SearchText.Fold(null));
    }
}
