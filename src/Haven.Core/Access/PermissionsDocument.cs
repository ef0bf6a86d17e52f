using System.Text;
using Haven.Core.Workforce;

namespace Haven.Core.Access;

/// docs/permissions.md, rendered from AccessMatrix so the document cannot drift from the code.
public static class PermissionsDocument
{
    public static string Render()
    {
        var sb = new StringBuilder();
        sb.AppendLine("# Permissions");
        sb.AppendLine();
        sb.AppendLine("Generated from `src/Haven.Core/Access/AccessMatrix.cs` by `haven docs`; a test fails if this file is out of date.");
        sb.AppendLine();
        sb.AppendLine("Every page and API route needs a signed-in user (or an API token) unless listed as public below.");
        sb.AppendLine("Access to a specific child is then decided per child by `ChildAccess`:");
        sb.AppendLine();
        sb.AppendLine("- **Own**: the child is allocated to the worker (any allocation kind), or the worker holds an explicit, unexpired grant.");
        sb.AppendLine("- **Team** / **Service**: the child has a current allocation to a team in the worker's team / service.");
        sb.AppendLine("- **All**: any child whose record is not restricted.");
        sb.AppendLine("- **Restricted records** open only to their explicit access list (grants), whatever the role; they never appear in another user's search.");
        sb.AppendLine($"- **Emergency (break-glass) access** to a restricted record: {string.Join(", ", BreakGlassSettings.DefaultRoles.Select(r => r.Describe()))} by default (`Haven:BreakGlass:Roles`), with a typed reason, for 60 minutes by default (`Haven:BreakGlass:Minutes`); logged with the reason, and the record's workers are notified.");
        sb.AppendLine("- A child that does not exist and a child the user may not see get the same answer (403), so nothing hints that a record exists.");
        sb.AppendLine("- Every view, change and refused attempt on a child's record is written to the hash-chained access log (`haven audit verify`).");
        sb.AppendLine();
        sb.AppendLine("| Role | Read children's records | Change children's records | Add people | Team caseloads | Why |");
        sb.AppendLine("|---|---|---|---|---|---|");
        foreach (var r in AccessMatrix.Roles)
            sb.AppendLine($"| {r.Role.Describe()} | {AccessMatrix.Describe(r.Read)} | {AccessMatrix.Describe(r.Write)} | {(r.CanAddPeople ? "Yes" : "No")} | {(r.SeesTeamCaseloads ? "Yes" : "No")} | {r.Rationale} |");
        sb.AppendLine();
        sb.AppendLine("Narrow access to one kind of record for a whole cohort, beyond the role's scope above (the rest of the child's record stays closed):");
        sb.AppendLine();
        sb.AppendLine("| Role | Kind of record | Children | Why |");
        sb.AppendLine("|---|---|---|---|");
        foreach (var c in AccessMatrix.Cohorts)
            sb.AppendLine($"| {c.Role.Describe()} | {c.Kind} (read and write) | {c.Cohort} | {c.Rationale} |");
        sb.AppendLine();
        sb.AppendLine("Education records are the child's Education tab (`/children/{id}/education`), its API (`/api/v1/children/{id}/education`) and the virtual school view (`/virtual-school`). Every view and change there is written to the access log like any other.");
        sb.AppendLine();
        sb.AppendLine("## Compartments");
        sb.AppendLine();
        sb.AppendLine("Separate compartments: records that are not children's records, open to the named roles only, whatever their reach over children.");
        sb.AppendLine();
        sb.AppendLine("| Compartment | Roles | Why |");
        sb.AppendLine("|---|---|---|");
        foreach (var c in AccessMatrix.Compartments)
            sb.AppendLine($"| {c.Name} | {string.Join(", ", c.Roles.Select(r => r.Describe()))} | {c.Rationale} |");
        sb.AppendLine();
        sb.AppendLine("Public routes: `/account/sign-in` (and its two-factor and single sign-on steps), `/health`, `/accessibility`, `/error/{code}`, `/api/openapi/v1.json`, static assets.");
        sb.AppendLine();
        sb.AppendLine("Case notes: a note is corrected by an amendment (the original stays visible to those who may change the record and to senior leaders) and removed only by a soft deletion with a reason, by its author or a team manager.");
        return sb.ToString();
    }
}
