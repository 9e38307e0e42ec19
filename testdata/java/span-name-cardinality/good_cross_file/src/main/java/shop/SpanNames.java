// Span names shared by the service's classes.
package shop;

public interface SpanNames {
    String LOAD_PATH = "load_order";
    String orderPath = "orders";
}
