package ca.novascotia.lampss.model;

import java.util.List;
import java.util.function.Function;

/** One page of a list, and how many items the whole list has. */
public record Page<T>(List<T> items, long total, int first, int max) {

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), total, first, max);
    }
}
