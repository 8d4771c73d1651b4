using Microsoft.Extensions.Options;

namespace RegRights.Application.Intake;

/// <summary>Checks the intake's settings in the <c>Webhooks</c> section (<see cref="IntakeOptions"/>) at start.</summary>
public sealed class IntakeOptionsValidator : IValidateOptions<IntakeOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, IntakeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Tolerance > TimeSpan.Zero && options.Tolerance <= TimeSpan.FromMinutes(15)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Webhooks:Tolerance is more than zero and at most 15 minutes.");
    }
}
