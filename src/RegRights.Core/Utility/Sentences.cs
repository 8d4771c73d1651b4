namespace RegRights.Core.Utility;

/// <summary>What the explanations share in writing sentences.</summary>
internal static class Sentences
{
    /// <summary>The text with its first letter in capitals, to open a sentence ("the due date" → "The due date").</summary>
    internal static string Capitalize(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
