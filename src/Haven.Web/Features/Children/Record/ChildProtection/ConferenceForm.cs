using Haven.Core.ChildProtection;
using Haven.Core.Assessments;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Haven.Web.Features.Children.Record.ChildProtection;

/// The attendee boxes of the initial and review conference forms (the partial _ConferenceAttendees).
public interface IConferenceAttendeesForm
{
    string? Police { get; }
    string? Health { get; }
    string? Education { get; }
    string? SocialCare { get; }
    string? Others { get; }
    List<string> ReportsFrom { get; }
}

/// The attendee fields a conference form shares: one box per agency with one person a line
/// ("Name, role", ending "(report only)" for someone who sent a report and did not attend), and
/// the agencies whose written reports were received.
public sealed class ConferenceAttendeesInput
{
    public string? Police { get; set; }
    public string? Health { get; set; }
    public string? Education { get; set; }
    public string? SocialCare { get; set; }
    public string? Others { get; set; }
    public List<string> ReportsFrom { get; set; } = [];

    public const string ReportOnly = "(report only)";

    public static IReadOnlyList<SelectListItem> AgencyItems { get; } = Enum.GetValues<PartnerAgency>()
        .Select(a => new SelectListItem(StrategyDiscussion.Describe(a), a.ToString())).ToList();

    public static ConferenceAttendeesInput From(IConferenceAttendeesForm f) => new()
    {
        Police = f.Police, Health = f.Health, Education = f.Education, SocialCare = f.SocialCare, Others = f.Others, ReportsFrom = f.ReportsFrom,
    };

    public IReadOnlyList<AttendeeOptions> ToOptions() =>
        Parse(PartnerAgency.Police, Police).Concat(Parse(PartnerAgency.Health, Health)).Concat(Parse(PartnerAgency.Education, Education))
            .Concat(Parse(PartnerAgency.SocialCare, SocialCare)).Concat(Parse(PartnerAgency.Other, Others)).ToList();

    private IEnumerable<AttendeeOptions> Parse(PartnerAgency agency, string? lines) =>
        (lines ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(line =>
        {
            var reportOnly = line.EndsWith(ReportOnly, StringComparison.OrdinalIgnoreCase);
            if (reportOnly) line = line[..^ReportOnly.Length].Trim();
            var comma = line.IndexOf(',');
            var (name, role) = comma < 0 ? (line, (string?)null) : (line[..comma].Trim(), line[(comma + 1)..].Trim());
            return new AttendeeOptions(agency, name, role, reportOnly ? ConferenceAttendance.SentReport : ConferenceAttendance.Attended,
                reportOnly || ReportsFrom.Contains(agency.ToString()));
        });

    /// One person a line, "Name, role".
    public static IReadOnlyList<MemberOptions> Members(string? lines) =>
        (lines ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(line =>
        {
            var comma = line.IndexOf(',');
            return comma < 0 ? new MemberOptions(PartnerAgency.Other, line, null) : new MemberOptions(PartnerAgency.Other, line[..comma].Trim(), line[(comma + 1)..].Trim());
        }).ToList();

    /// Copies the service's errors to the form, keeping any error the binder already put on a field.
    public static void AddErrors(ModelStateDictionary state, IReadOnlyDictionary<string, string> errors, Func<string, string>? key = null)
    {
        foreach (var (field, message) in errors)
        {
            var k = key?.Invoke(field) ?? field;
            if (!state.ContainsKey(k) || state[k]!.Errors.Count == 0) state.AddModelError(k, message);
        }
    }

    public static IReadOnlyList<SelectListItem> CategoryItems { get; } = HelpAndProtectionCodes.CategoryOfAbuse.All
        .Select(c => new SelectListItem(c.Description, c.Value)).ToList();

    public static IReadOnlyList<SelectListItem> EndReasonItems { get; } = Enum.GetValues<PlanEndReason>()
        .Select(r => new SelectListItem(ChildProtectionPlan.Describe(r), r.ToString())).ToList();
}
