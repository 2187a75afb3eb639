using System.Text;
using System.Text.Json.Nodes;
using Entente.Domain;

namespace Entente.UnitTests.Signatures;

public sealed class CanonicalJsonTests
{
    [Fact]
    public void Serialize_MembersInAnyOrderAndSpacing_SortedByUtf16CodeUnitsWithoutWhiteSpace()
    {
        // RFC 8785 §3.2.3: "\u20ac" (€) sorts before "\ud83d\ude00" (😀, a surrogate pair) and after "\u00f6".
        var json = "{ \"\u20ac\": \"Euro Sign\", \"\\r\": \"Carriage Return\", \"\ufb33\": \"Hebrew Letter Dalet With Dagesh\", \"1\": \"One\", \"\ud83d\ude00\": \"Emoji: Grinning Face\", \"\u0080\": \"Control\", \"\u00f6\": \"Latin Small Letter O With Diaeresis\" }";

        var canonical = CanonicalJson.Serialize(JsonNode.Parse(json));

        Assert.Equal("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\",\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\",\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}", canonical);
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("-0", "0")]
    [InlineData("1E2", "100")]
    [InlineData("4.50", "4.5")]
    [InlineData("2e-3", "0.002")]
    [InlineData("0.000001", "0.000001")]
    [InlineData("1e-7", "1e-7")]
    [InlineData("1e21", "1e+21")]
    [InlineData("1e20", "100000000000000000000")]
    [InlineData("333333333.33333329", "333333333.3333333")]
    [InlineData("-1.5e-10", "-1.5e-10")]
    [InlineData("9007199254740993", "9007199254740992")]
    public void Serialize_Numbers_AsEcmaScriptWritesThem(string json, string expected)
    {
        Assert.Equal(expected, CanonicalJson.Serialize(JsonNode.Parse(json)));
    }

    [Fact]
    public void Serialize_Strings_MinimalEscapesAndArabicLiteral()
    {
        var node = new JsonObject { ["t"] = "خطة \"العمل\"\\\n\t\u0001/€" };

        Assert.Equal("{\"t\":\"خطة \\\"العمل\\\"\\\\\\n\\t\\u0001/€\"}", CanonicalJson.Serialize(node));
    }

    [Fact]
    public void Sha256_SameContentDifferentOrder_SameHash_AndChangedContent_DifferentHash()
    {
        var a = JsonNode.Parse("{\"b\":[1,2,{\"y\":true,\"x\":null}],\"a\":\"ن\"}");
        var b = JsonNode.Parse("{ \"a\" : \"ن\", \"b\" : [ 1, 2.0, { \"x\": null, \"y\": true } ] }");
        var c = JsonNode.Parse("{\"a\":\"ن\",\"b\":[2,1,{\"x\":null,\"y\":true}]}");

        Assert.Equal(CanonicalJson.Sha256(a), CanonicalJson.Sha256(b));
        Assert.NotEqual(CanonicalJson.Sha256(a), CanonicalJson.Sha256(c));
        Assert.Equal(Encoding.UTF8.GetBytes("{\"a\":\"ن\",\"b\":[1,2,{\"x\":null,\"y\":true}]}"), CanonicalJson.Canonicalize("{\"b\":[1,2,{\"y\":true,\"x\":null}],\"a\":\"ن\"}"));
    }
}
