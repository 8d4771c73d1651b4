using RegRights.Contracts.Agreements;

namespace RegRights.Application.UnitTests;

/// <summary>The stored names of an enum's values: every value has one, and a name this version does not know is refused.</summary>
public sealed class StoredNamesTest
{
    [Fact]
    public void Create_ValueWithoutAStoredName_RefusedNamingIt()
    {
        var names = Enum.GetValues<PartyRole>().Skip(1).ToDictionary(v => v, v => v.ToString());

        var refused = Assert.Throws<ArgumentException>(() => new StoredNames<PartyRole>("party role", names));

        Assert.Contains($"No stored party role for {Enum.GetValues<PartyRole>()[0]}", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownName_RefusedNamingWhatHoldsIt()
    {
        var roles = new StoredNames<PartyRole>("party role", Enum.GetValues<PartyRole>().ToDictionary(v => v, v => v.ToString()));

        var refused = Assert.Throws<InvalidDataException>(() => roles.Read("trustee", "agreement 'a1'"));

        Assert.Equal("A stored party role 'trustee' of the agreement 'a1' is not one this version knows.", refused.Message);
    }
}
