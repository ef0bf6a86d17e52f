using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Haven.Core.Notifications;

/// A message to one worker that shows on their My work until they mark it read, for example
/// that someone used emergency access to a restricted record they hold.
public class Notification
{
    public int Id { get; set; }
    public int WorkerId { get; set; }
    public int? ChildId { get; set; }
    public required string Text { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
}

internal sealed class NotificationMapping : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.Property(n => n.Text).HasMaxLength(1000);
        b.HasIndex(n => new { n.WorkerId, n.ReadAt });
    }
}
