; Decorators: Nest controllers (`@Controller`, `@Get('/x')`) register routes.
(decorator) @decorator
