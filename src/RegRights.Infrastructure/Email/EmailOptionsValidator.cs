using Microsoft.Extensions.Options;
using RegRights.Application.Email;
using RegRights.Infrastructure.Email.Acs;

namespace RegRights.Infrastructure.Email;

/// <summary>Checks the <c>Email</c> section at start, naming each setting that is missing or wrong.</summary>
internal sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        var failures = new List<string>();
        try
        {
            _ = new EmailAddress(options.From);
        }
        catch (ArgumentException)
        {
            failures.Add($"Email:From must be the sender's email address; it is '{options.From}'.");
        }

        switch (options.Transport)
        {
            case EmailTransportKind.Acs:
                ValidateAcs(options.Acs, failures);
                break;
            case EmailTransportKind.Smtp:
                ValidateSmtp(options.Smtp, failures);
                break;
            default:
                failures.Add($"Email:Transport must be Acs or Smtp; it is '{options.Transport}'.");
                break;
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateAcs(AcsEmailOptions acs, List<string> failures)
    {
        if (acs.MaxPollingDuration < TimeSpan.Zero)
        {
            failures.Add("Email:Acs:MaxPollingDuration must not be negative.");
        }

        if (!string.IsNullOrWhiteSpace(acs.ConnectionString))
        {
            try
            {
                var parsed = AcsConnectionString.Parse(acs.ConnectionString);
                if (acs.Endpoint is not null && Uri.Compare(acs.Endpoint, parsed.Endpoint, UriComponents.SchemeAndServer, UriFormat.SafeUnescaped, StringComparison.OrdinalIgnoreCase) != 0)
                {
                    failures.Add($"Email:Acs:Endpoint ({acs.Endpoint}) and the connection string's endpoint ({parsed.Endpoint}) name different resources; set one.");
                }
            }
            catch (FormatException ex)
            {
                // The message names the missing part, never the key.
                failures.Add($"Email:Acs:ConnectionString: {ex.Message}");
            }

            return;
        }

        if (acs.Endpoint is not { IsAbsoluteUri: true } || acs.Endpoint.Scheme != Uri.UriSchemeHttps)
        {
            failures.Add("Email:Acs:Endpoint must be the resource's https endpoint when Email:Acs:ConnectionString is not set (Entra ID tokens are sent over https only).");
        }
    }

    private static void ValidateSmtp(SmtpEmailOptions smtp, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            failures.Add("Email:Smtp:Host is required when Email:Transport is Smtp.");
        }

        if (smtp.Port is < 1 or > 65535)
        {
            failures.Add($"Email:Smtp:Port must be 1 to 65535 inclusive; it is {smtp.Port}.");
        }

        if (string.IsNullOrEmpty(smtp.UserName) != string.IsNullOrEmpty(smtp.Password))
        {
            failures.Add("Email:Smtp:UserName and Email:Smtp:Password go together: set both or neither.");
        }

        if (!string.IsNullOrEmpty(smtp.UserName) && !smtp.UseTls)
        {
            failures.Add("Email:Smtp:UseTls must be true when a password is set; it would cross the network in the clear.");
        }

        if (smtp.Timeout <= TimeSpan.Zero)
        {
            failures.Add("Email:Smtp:Timeout must be positive.");
        }
    }
}
