package io.berth.core.decide;

import io.berth.core.account.AccountDecider;
import io.berth.core.account.AccountState;
import io.berth.core.arn.Boundary;
import io.berth.core.cluster.ClusterDecider;
import io.berth.core.cluster.ClusterState;
import io.berth.core.command.Command;
import io.berth.core.event.Event;

/**
 * The state of one consistency boundary together with its decide and evolve functions: the unit
 * a command-service partition owner keeps in memory, rebuilt by applying the boundary's events.
 */
public interface BoundaryState {

    Boundary boundary();

    /** Evolve: the state after the event (the same object, changed in place). */
    BoundaryState apply(Event event);

    /** Decide: what the command does to this state. Never changes the state. */
    Decision decide(Command command, DecisionContext ctx);

    static BoundaryState empty(Boundary boundary) {
        return boundary.isCluster() ? new ClusterBoundary(new ClusterState(boundary))
                : new AccountBoundary(new AccountState(boundary));
    }

    /** A cluster boundary's state and its decider. */
    record ClusterBoundary(ClusterState state) implements BoundaryState {

        @Override
        public Boundary boundary() {
            return state.boundary();
        }

        @Override
        public BoundaryState apply(Event event) {
            state.apply(event);
            return this;
        }

        @Override
        public Decision decide(Command command, DecisionContext ctx) {
            return ClusterDecider.decide(state, command, ctx);
        }
    }

    /** The account boundary's state and its decider. */
    record AccountBoundary(AccountState state) implements BoundaryState {

        @Override
        public Boundary boundary() {
            return state.boundary();
        }

        @Override
        public BoundaryState apply(Event event) {
            state.apply(event);
            return this;
        }

        @Override
        public Decision decide(Command command, DecisionContext ctx) {
            return AccountDecider.decide(state, command, ctx);
        }
    }
}
