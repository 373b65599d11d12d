//! A progress counter the pipeline advances and the CLI reads: the library never draws.

use std::sync::atomic::{AtomicUsize, Ordering};

/// How many articles a run has to extract, and how many it has: shared between the pipeline's
/// worker threads (which count) and whatever shows progress (which reads).
#[derive(Debug, Default)]
pub struct Progress {
    total: AtomicUsize,
    done: AtomicUsize,
}

impl Progress {
    /// Sets the number of articles to come.
    pub fn start(&self, total: usize) {
        self.total.store(total, Ordering::Relaxed);
    }

    /// One more article done.
    pub fn tick(&self) {
        self.done.fetch_add(1, Ordering::Relaxed);
    }

    /// `(done, total)`; total is 0 until the corpus has been read.
    pub fn get(&self) -> (usize, usize) {
        (
            self.done.load(Ordering::Relaxed),
            self.total.load(Ordering::Relaxed),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::Progress;

    #[test]
    fn counts_across_threads() {
        let progress = Progress::default();
        progress.start(100);
        std::thread::scope(|scope| {
            for _ in 0..4 {
                scope.spawn(|| (0..25).for_each(|_| progress.tick()));
            }
        });
        assert_eq!(progress.get(), (100, 100));
    }
}
