import { z } from "zod";

// Validation messages reach users (field errors in the UI), so they speak Bahasa Indonesia.
z.config(z.locales.id());

export { z };
