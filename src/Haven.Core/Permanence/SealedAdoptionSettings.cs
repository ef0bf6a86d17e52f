using Haven.Core.Workforce;

namespace Haven.Core.Permanence;

/// Who may open a sealed adoption record: Haven:SealedAdoption:Roles. Once the adoption order is
/// recorded, the child's whole record opens only to these roles (read only), every view is logged
/// by the child record guard, and the child is left out of search and every list for everyone else.
public sealed class SealedAdoptionSettings
{
    /// The adoption team sits in the fostering and adoption service; its workers and managers have this role.
    public static readonly HavenRole[] DefaultRoles = [HavenRole.FosteringWorker];

    /// Empty means the default roles (configuration binding appends to, rather than replaces, an array).
    public HavenRole[] Roles { get; set; } = [];

    public IReadOnlyList<HavenRole> Effective => Roles.Length > 0 ? Roles : DefaultRoles;

    public bool Allows(HavenRole role) => Effective.Contains(role);
}
