// Gin with the OpenTelemetry middleware installed on the engine.
package handlers

import (
	"github.com/gin-gonic/gin"
	"go.opentelemetry.io/contrib/instrumentation/github.com/gin-gonic/gin/otelgin"
)

// Router builds the engine.
func Router() *gin.Engine {
	r := gin.New()
	r.Use(otelgin.Middleware("api"))
	r.GET("/users/:id", getUser)
	r.POST("/users", createUser)
	return r
}

func getUser(c *gin.Context)    {}
func createUser(c *gin.Context) {}
