// Calls made with no trace in flight — at start-up, in a background refresher — have nothing to
// propagate.
package clients

import (
	"net/http"
	"time"

	"go.opentelemetry.io/otel"
)

var tracer = otel.Tracer("clients")

func main() {
	http.Get("http://config:8080/bootstrap")
	go refresh()
}

func refresh() {
	for range time.Tick(time.Minute) {
		http.Get("http://config:8080/rates")
	}
}
