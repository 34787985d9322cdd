import { Route, Routes } from 'react-router-dom';
import ProjectPage from './detail/ProjectPage.js';
import ProjectsPage from './ProjectsPage.js';

/** /projects (the list) and /projects/:id[/:tab] (one project with its tabs). */
export default function ProjectsRoutes() {
  return (
    <Routes>
      <Route index element={<ProjectsPage />} />
      <Route path=":id" element={<ProjectPage />} />
      <Route path=":id/:tab" element={<ProjectPage />} />
    </Routes>
  );
}
