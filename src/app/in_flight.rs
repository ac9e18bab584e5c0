//! A question answered off the UI thread (a file dialog, a clipboard read): why it was asked,
//! and the channel its answer comes back on. Polled once per frame; never blocks.

use std::sync::mpsc::{Receiver, TryRecvError};

/// A pending question with purpose `P` and answer `A`.
pub(crate) struct InFlight<P, A> {
    purpose: P,
    answer: Receiver<A>,
}

impl<P, A> InFlight<P, A> {
    /// A question asked for `purpose`, answered on `answer`.
    pub fn new(purpose: P, answer: Receiver<A>) -> Self {
        Self { purpose, answer }
    }

    /// Why the question was asked.
    pub fn purpose(&self) -> &P {
        &self.purpose
    }

    /// Takes the question out of `slot` once its answer has arrived; `lost` stands in for the
    /// answer if the asking thread went away without one.
    pub fn take_answer(slot: &mut Option<Self>, lost: impl FnOnce() -> A) -> Option<(P, A)> {
        let answer = match slot.as_ref()?.answer.try_recv() {
            Ok(answer) => answer,
            Err(TryRecvError::Empty) => return None,
            Err(TryRecvError::Disconnected) => lost(),
        };
        slot.take().map(|q| (q.purpose, answer))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_arrive_once_and_a_lost_sender_gives_the_stand_in() {
        let (tx, rx) = std::sync::mpsc::channel();
        let mut slot = Some(InFlight::new("open", rx));
        assert!(
            InFlight::take_answer(&mut slot, || 0).is_none(),
            "nothing yet"
        );
        tx.send(7).unwrap();
        assert_eq!(InFlight::take_answer(&mut slot, || 0), Some(("open", 7)));
        assert!(slot.is_none());
        let (tx, rx) = std::sync::mpsc::channel::<i32>();
        drop(tx);
        let mut slot = Some(InFlight::new("save", rx));
        assert_eq!(InFlight::take_answer(&mut slot, || -1), Some(("save", -1)));
    }
}
