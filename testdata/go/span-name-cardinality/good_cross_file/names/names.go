// Span names shared by the service's packages.
package names

// LoadPath is the name of the load span.
const LoadPath = "load_order"
