//! Stable sorting through one shared, non-generic routine: the app sorts many kinds of lists,
//! and sorting each through `slice::sort_by` would carry a separate copy of the whole sort
//! for every element type and comparison. Here only the small permutation step is generic.

use std::cmp::Ordering;

/// Indices `0..n` in stable sorted order: `cmp(i, j)` compares the items at `i` and `j`;
/// items that compare equal keep their relative order.
pub fn sorted_order(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// Reorders `items` so that position `i` holds the item that was at `order[i]`.
/// `order` must be a permutation of `0..items.len()`.
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..order.len() {
        let mut at = start;
        // Follows the cycle through `start`, marking each visited position as settled.
        while order[at] != at {
            let from = order[at];
            order[at] = at;
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

/// Stable sort by a comparison, like `slice::sort_by`.
pub fn sort_by<T>(items: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let order = sorted_order(items.len(), &|a, b| cmp(&items[a], &items[b]));
    permute(items, order);
}

/// Stable sort by a key, like `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Stable sort by a key computed once per item, like `slice::sort_by_cached_key`.
pub fn sort_by_cached_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    let keys: Vec<K> = items.iter().map(key).collect();
    let order = sorted_order(keys.len(), &|a, b| keys[a].cmp(&keys[b]));
    permute(items, order);
}

/// Sort by the items' own order, like `slice::sort` (and `sort_unstable`: equal items are equal).
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic pseudo-random sequence (no RNG crate in the library's tests).
    fn sequence(len: usize, seed: u64) -> Vec<(u8, usize)> {
        let mut x = seed;
        (0..len)
            .map(|i| {
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                ((x >> 59) as u8, i)
            })
            .collect()
    }

    #[test]
    fn sort_by_matches_the_standard_stable_sort() {
        for len in [0, 1, 2, 3, 7, 20, 33, 100, 257] {
            for seed in 0..5 {
                let mut mine = sequence(len, seed);
                let mut std = mine.clone();
                sort_by(&mut mine, |a, b| a.0.cmp(&b.0));
                std.sort_by_key(|a| a.0);
                assert_eq!(mine, std, "len {len} seed {seed}");
            }
        }
    }

    #[test]
    fn equal_items_keep_their_order() {
        let mut v = vec![(1, 'a'), (0, 'b'), (1, 'c'), (0, 'd'), (1, 'e')];
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(v, [(0, 'b'), (0, 'd'), (1, 'a'), (1, 'c'), (1, 'e')]);
    }

    #[test]
    fn cached_key_is_computed_once_per_item_and_sorts_stably() {
        let calls = std::cell::Cell::new(0);
        let mut v = vec!["ccc", "a", "bb", "dd", "e"];
        sort_by_cached_key(&mut v, |s| {
            calls.set(calls.get() + 1);
            s.len()
        });
        assert_eq!(v, ["a", "e", "bb", "dd", "ccc"]);
        assert_eq!(calls.get(), 5);
    }

    #[test]
    fn sort_orders_by_the_items_own_order() {
        let mut v = vec![String::from("乙"), "甲".into(), "丙".into(), "甲".into()];
        let mut expected = v.clone();
        expected.sort();
        sort(&mut v);
        assert_eq!(v, expected);
    }

    #[test]
    fn sorted_order_lists_indices_in_order() {
        let keys = [30, 10, 20, 10];
        assert_eq!(sorted_order(4, &|a, b| keys[a].cmp(&keys[b])), [1, 3, 2, 0]);
    }

    #[test]
    fn every_permutation_of_four_is_applied() {
        let mut perms: Vec<Vec<usize>> = vec![vec![]];
        for _ in 0..4 {
            let mut longer = Vec::new();
            for p in &perms {
                for i in (0..4).filter(|i| !p.contains(i)) {
                    longer.push([p.as_slice(), &[i]].concat());
                }
            }
            perms = longer;
        }
        assert_eq!(perms.len(), 24);
        for p in perms {
            let mut items = ['a', 'b', 'c', 'd'];
            permute(&mut items, p.clone());
            let expected: Vec<char> = p.iter().map(|&i| ['a', 'b', 'c', 'd'][i]).collect();
            assert_eq!(items.to_vec(), expected, "{p:?}");
        }
    }
}
