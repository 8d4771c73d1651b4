namespace RegRights.Application.UnitTests;

/// <summary>A stored row's version: opaque text, equal only to the same text; default is none; never "any".</summary>
public sealed class StoredVersionTest
{
    private const string TableETag = "W/\"datetime'2026-01-02T15%3A04%3A05.1234567Z'\"";

    [Fact]
    public void ToString_IsTheTextAsGiven()
    {
        Assert.Equal(TableETag, new StoredVersion(TableETag).ToString());
    }

    [Fact]
    public void Equals_SameTextOnly_ComparedOrdinally()
    {
        Assert.Equal(new StoredVersion(TableETag), new StoredVersion(TableETag));
        Assert.NotEqual(new StoredVersion(TableETag), new StoredVersion(TableETag.ToUpperInvariant()));
        Assert.NotEqual(new StoredVersion(TableETag), new StoredVersion(TableETag["W/".Length..]));
        Assert.NotEqual(default, new StoredVersion(TableETag));
    }

    [Fact]
    public void Default_IsNoneAndEmpty()
    {
        Assert.Equal((true, ""), (default(StoredVersion).IsNone, default(StoredVersion).ToString()));
        Assert.False(new StoredVersion(TableETag).IsNone);
    }

    // "*" is any version: a write conditional on it would be blind. Empty is no version, which is default.
    [Theory]
    [InlineData("*")]
    [InlineData("")]
    public void Create_AnyOrEmpty_IsArgumentException(string text)
    {
        var ex = Assert.Throws<ArgumentException>(() => new StoredVersion(text));

        Assert.Equal("text", ex.ParamName);
    }
}
