using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Haven.Core.Involvements;

internal sealed class InvolvementMapping : IEntityTypeConfiguration<Involvement>
{
    public void Configure(EntityTypeBuilder<Involvement> b)
    {
        b.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(i => new { i.ChildId, i.EndDate });
    }
}
