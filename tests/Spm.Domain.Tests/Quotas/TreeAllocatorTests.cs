using Spm.Domain.Common;
using Spm.Domain.Quotas;

namespace Spm.Domain.Tests.Quotas;

public sealed class TreeAllocatorTests
{
    [Fact]
    public void Pushes_the_amount_down_every_level_and_parents_equal_their_children()
    {
        // 1000 by weights 1,1,2 -> A 250, B 250, C 500; A's 250 equally in 3 -> 83.34, 83.33, 83.33.
        var root = new AllocationNode("vp", 1m,
        [
            new AllocationNode("A", 1m, [new("A1", 5m), new("A2", 5m), new("A3", 5m)]),
            new AllocationNode("B", 1m),
            new AllocationNode("C", 2m),
        ]);

        var result = TreeAllocator.Allocate(1000m, root, Allocator.Cent);

        Assert.Equal(
            [
                new AllocatedNode("vp", null, 0, 1000m),
                new AllocatedNode("A", "vp", 1, 250m),
                new AllocatedNode("A1", "A", 2, 83.34m),
                new AllocatedNode("A2", "A", 2, 83.33m),
                new AllocatedNode("A3", "A", 2, 83.33m),
                new AllocatedNode("B", "vp", 1, 250m),
                new AllocatedNode("C", "vp", 1, 500m),
            ],
            result);
    }

    [Fact]
    public void Equal_basis_ignores_weights()
    {
        var root = new AllocationNode("t", 1m, [new("x", 9m), new("y", 1m)]);
        var result = TreeAllocator.Allocate(11m, root, Allocator.One, AllocationBasis.Equal);
        Assert.Equal([11m, 6m, 5m], result.Select(n => n.Amount));
    }

    [Fact]
    public void A_parent_whose_children_weigh_nothing_is_named_in_the_error()
    {
        var root = new AllocationNode("t", 1m, [new AllocationNode("team-7", 1m, [new("x", 0m)])]);
        var ex = Assert.Throws<DomainException>(() => TreeAllocator.Allocate(10m, root, Allocator.One));
        Assert.Contains("team-7", ex.Message, StringComparison.Ordinal);
    }
}
