namespace RegRights.Core.Utility;

/// <summary>
/// Words written when read, not when computed: a result's arithmetic in words costs nothing until a document, an
/// email or the CLI shows it, and every read writes the same text from the same figures.
/// </summary>
internal interface IWords
{
    /// <summary>The text.</summary>
    string Write();
}
