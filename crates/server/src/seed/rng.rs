//! A tiny deterministic random number generator (SplitMix64) for synthetic data: the same
//! seed gives the same cases. Not for secrets: those use the OS generator (`secrets.rs`).

/// SplitMix64 (Steele, Lea and Flood, 2014): one multiply-xorshift step per number, good
/// enough statistics for made-up data and far cheaper than a cryptographic generator.
#[derive(Debug, Clone)]
pub struct SeededRng {
    state: u64,
    /// The Unix millisecond the next `id` carries.
    next_id_millis: u64,
}

impl SeededRng {
    /// Ids from `id` start at `first_id_millis`.
    pub fn new(seed: u64, first_id_millis: u64) -> Self {
        Self {
            state: seed,
            next_id_millis: first_id_millis,
        }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..bound` (`bound` > 0). The modulo bias is below 2^-40 for the small
    /// bounds used here, which made-up data can live with.
    pub fn below(&mut self, bound: u64) -> u64 {
        self.next_u64() % bound.max(1)
    }

    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// One item of a non-empty list.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        let index = self.below(items.len() as u64) as usize;
        &items[index.min(items.len().saturating_sub(1))]
    }

    /// A copy of one item of a non-empty list, e.g. a `&'static str` from a list of them.
    pub fn pick_copy<T: Copy>(&mut self, items: &[T]) -> T {
        *self.pick(items)
    }

    /// A version-7 UUID (time-ordered, like the ids of callbacks and outbox messages),
    /// each a millisecond after the last, its random part from this generator. Ids made in
    /// order land at the right-hand end of every index keyed by them; random (v4) ids would
    /// touch a random page of each index per row, several times slower for a bulk load.
    pub fn id(&mut self) -> String {
        let mut tail = [0u8; 10];
        tail[..8].copy_from_slice(&self.next_u64().to_le_bytes());
        tail[8..].copy_from_slice(&self.next_u64().to_le_bytes()[..2]);
        let millis = self.next_id_millis;
        self.next_id_millis += 1;
        uuid::Builder::from_unix_timestamp_millis(millis, &tail)
            .into_uuid()
            .to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_numbers() {
        let mut a = SeededRng::new(7, 0);
        let mut b = SeededRng::new(7, 0);
        assert_eq!(a.id(), b.id());
        assert_eq!(a.below(1000), b.below(1000));
        assert_ne!(
            SeededRng::new(8, 0).next_u64(),
            SeededRng::new(7, 0).next_u64()
        );
    }

    #[test]
    fn numbers_stay_in_range_and_ids_are_ordered_version_7() {
        let mut rng = SeededRng::new(1, 1_763_800_000_000);
        assert!((0..10_000).all(|_| rng.below(6) < 6));
        let ids: Vec<String> = (0..1_000).map(|_| rng.id()).collect();
        assert!(ids.windows(2).all(|pair| pair[0] < pair[1]));
        let id = uuid::Uuid::parse_str(&ids[0]).unwrap();
        assert_eq!(id.get_version_num(), 7);
    }
}
