// A look-alike: main defers the closure and returns when SIGTERM arrives, so it runs.
package main

import (
	"context"
	"errors"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	shutdown, err := setupOTelSDK()
	if err != nil {
		log.Fatal(err)
	}
	defer func() { _ = shutdown(context.Background()) }()
	srv := &http.Server{Addr: ":8080", Handler: otelhttp.NewHandler(http.NotFoundHandler(), "api")}
	go func() {
		if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Print(err)
		}
	}()
	<-ctx.Done()
	_ = srv.Shutdown(context.Background())
}
