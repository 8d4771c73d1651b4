using System.Globalization;

namespace RegRights.LoadTests;

/// <summary>The few options these benchmarks take: <c>--name value</c>, repeatable, or a bare <c>--flag</c>.</summary>
internal sealed class CommandLine(string[] args)
{
    public bool Has(string name) => Array.IndexOf(args, name) >= 0;

    public string Option(string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[i + 1] : fallback;
    }

    public int Int(string name, int fallback) => int.Parse(Option(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

    /// <summary>Every value of a repeated option, in order.</summary>
    public IEnumerable<string> All(string name)
    {
        for (var i = 0; i + 1 < args.Length; i++)
        {
            if (args[i] == name)
            {
                yield return args[i + 1];
            }
        }
    }
}
