using Haven.Core.Access;
using Haven.Core.Data;

namespace Haven.Web.Features.Children.Record.Education;

internal static class EducationHeader
{
    public const string Section = "education";

    /// The child's header for an education page. Someone who reads only the education record (the
    /// virtual school) sees the child's name, age and that they are in care, without the record's
    /// other alerts or tabs.
    public static async Task<ChildHeader> LoadAsync(HavenDbContext db, ChildAccess access, CurrentWorker worker, int childId, DateOnly today, CancellationToken ct)
    {
        var header = (await ChildHeader.LoadAsync(db, childId, Section, today, ct))!;
        if (await access.CanAsync(worker, childId, AccessLevel.Read, ct)) return header;
        return header with { Alerts = header.Alerts.Where(a => a.Text == "In care").ToList(), Section = ChildHeader.EducationOnly };
    }
}
