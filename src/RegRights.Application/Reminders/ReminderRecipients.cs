using RegRights.Application.Email;
using RegRights.Contracts.Agreements;
using RegRights.Core.Reminders;

namespace RegRights.Application.Reminders;

/// <summary>Turns the roles a reminder concerns into the agreement's contacts.</summary>
public static class ReminderRecipients
{
    /// <summary>
    /// To: the Company and its counsel (§ 6(h) "If to the Company" and its "With copies to"), who must act on every
    /// reminded deadline; Cc: the other roles <see cref="ReminderAudience.For"/> names. A contact without an email is
    /// left out, and so is one whose stored address no transport can send to (stored before addresses were checked,
    /// <see cref="EmailAddress.FindProblem"/>), so that it never stops the email to the others; an address listed twice
    /// goes once. If no Company-side contact has an email, the others become To.
    /// </summary>
    public static (IReadOnlyList<ReminderRecipient> To, IReadOnlyList<ReminderRecipient> Cc) Resolve(
        IReadOnlyList<RecipientRole> roles, IReadOnlyList<ContactDocument> contacts)
    {
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(contacts);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var to = new List<ReminderRecipient>();
        var cc = new List<ReminderRecipient>();
        foreach (var role in roles)
        {
            var target = role == RecipientRole.CompanyCounsel ? to : cc;
            foreach (var contact in contacts)
            {
                if (!string.IsNullOrWhiteSpace(contact.Email) && Matches(role, contact.Role)
                    && EmailAddress.FindProblem(contact.Email.Trim()) is null && seen.Add(contact.Email.Trim()))
                {
                    target.Add(new ReminderRecipient(contact.Email.Trim(), contact.Name));
                }
            }
        }

        return to.Count == 0 ? (cc, []) : (to, cc);
    }

    /// <summary>
    /// Where a reminder's replies go: the deal's company counsel (§ 6(h), "With copies to"), each contact of that role
    /// with an address a transport can send to; empty when there is none (replies then go to the sender).
    /// </summary>
    public static IReadOnlyList<EmailAddress> ReplyTo(IReadOnlyList<ContactDocument> contacts)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        return
        [
            .. contacts
                .Where(c => c.Role == ContactRole.CompanyCounsel && !string.IsNullOrWhiteSpace(c.Email) && EmailAddress.FindProblem(c.Email.Trim()) is null)
                .Select(c => new EmailAddress(c.Email!.Trim(), string.IsNullOrWhiteSpace(c.Name) ? null : c.Name))
                .DistinctBy(a => a.Address, StringComparer.OrdinalIgnoreCase),
        ];
    }

    /// <summary>The ledger's words for a reminder nobody can receive.</summary>
    public static string NoneMessage(string deadlineKey) =>
        $"No contact with an email address for the roles of {deadlineKey} ({string.Join(", ", ReminderAudience.For(deadlineKey))}). Add one, then retry.";

    private static bool Matches(RecipientRole role, ContactRole? contact) => role switch
    {
        RecipientRole.CompanyCounsel => contact is ContactRole.Company or ContactRole.CompanyCounsel,
        RecipientRole.Holder => contact is ContactRole.Holder,
        RecipientRole.HoldersCounsel => contact is ContactRole.HoldersCounsel,
        RecipientRole.SpecialCounsel => contact is ContactRole.SpecialCounsel,
        _ => false,
    };
}
