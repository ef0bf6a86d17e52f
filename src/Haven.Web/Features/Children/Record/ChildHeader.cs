using Haven.Core.Data;
using Haven.Core.Involvements;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record;

public sealed record ChildAlert(string Text, string Colour);

/// What every page of a child's record shows at the top: who the child is, their alerts, and the
/// record's sections.
public sealed record ChildHeader(int Id, string Name, string HavenId, DateOnly? DateOfBirth, DateOnly? ExpectedDateOfBirth,
    int? Age, IReadOnlyList<ChildAlert> Alerts, string Section)
{
    /// The section for a reader who may see only the education record: no other tabs are shown.
    public const string EducationOnly = "education-only";

    public static async Task<ChildHeader?> LoadAsync(HavenDbContext db, int childId, string section, DateOnly today, CancellationToken ct)
    {
        var child = await db.People.AsNoTracking().Where(p => p.Id == childId)
            .Select(p => new Facts(p.Id, p.FirstName, p.LastName, p.KnownAs, p.DateOfBirth, p.ExpectedDateOfBirth, p.DateOfDeath, p.IsRestricted, p.IsUnaccompaniedAsylumSeeker))
            .FirstOrDefaultAsync(ct);
        if (child is null) return null;
        var open = await db.Involvements.AsNoTracking().Where(i => i.ChildId == childId && i.EndDate == null)
            .Select(i => i.Kind).ToListAsync(ct);
        return Build(child, open, await Haven.Core.ChildProtection.ChildProtectionFlags.ForChildAsync(db, childId, today, ct), section, today);
    }

    /// The header of a page that has already read the child, their open involvements and their open
    /// child protection plan's flags itself (the summary shows them and reads them in one statement).
    public static ChildHeader For(Haven.Core.People.Person child, IReadOnlyCollection<InvolvementKind> open, IReadOnlyList<string> planFlags,
        string section, DateOnly today) =>
        Build(new Facts(child.Id, child.FirstName, child.LastName, child.KnownAs, child.DateOfBirth, child.ExpectedDateOfBirth,
            child.DateOfDeath, child.IsRestricted, child.IsUnaccompaniedAsylumSeeker), open, planFlags, section, today);

    private sealed record Facts(int Id, string FirstName, string LastName, string? KnownAs, DateOnly? DateOfBirth, DateOnly? ExpectedDateOfBirth,
        DateOnly? DateOfDeath, bool IsRestricted, bool IsUnaccompaniedAsylumSeeker);

    private static ChildHeader Build(Facts child, IReadOnlyCollection<InvolvementKind> open, IReadOnlyList<string> planFlags, string section, DateOnly today)
    {
        var alerts = new List<ChildAlert>();
        if (child.IsRestricted) alerts.Add(new("Restricted record", "red"));
        if (child.DateOfDeath is not null) alerts.Add(new("Deceased", "grey"));
        if (open.Contains(InvolvementKind.ChildProtection)) alerts.Add(new("On a child protection plan", "red"));
        foreach (var flag in planFlags) alerts.Add(new(flag, "red"));
        if (open.Contains(InvolvementKind.InCare)) alerts.Add(new("In care", "purple"));
        if (open.Contains(InvolvementKind.CareLeaver)) alerts.Add(new("Care leaver", "turquoise"));
        if (open.Contains(InvolvementKind.ChildInNeed)) alerts.Add(new("Child in need", "blue"));
        if (open.Contains(InvolvementKind.Assessment)) alerts.Add(new("Being assessed", "yellow"));
        if (open.Contains(InvolvementKind.EarlyHelp)) alerts.Add(new("Early help", "green"));
        if (child.IsUnaccompaniedAsylumSeeker) alerts.Add(new("Unaccompanied asylum-seeking child", "orange"));
        int? age = null;
        if (child.DateOfBirth is { } dob && today >= dob)
        {
            age = today.Year - dob.Year;
            if (today < dob.AddYears(age.Value)) age--;
        }
        var name = child.KnownAs is { Length: > 0 } ? $"{child.FirstName} ({child.KnownAs}) {child.LastName}" : $"{child.FirstName} {child.LastName}";
        return new ChildHeader(child.Id, name, Haven.Core.People.HavenIds.Format(child.Id), child.DateOfBirth, child.ExpectedDateOfBirth, age, alerts, section);
    }
}
